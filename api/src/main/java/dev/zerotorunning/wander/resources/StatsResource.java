package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.DataEnvelope;
import dev.zerotorunning.wander.cache.Cached;
import dev.zerotorunning.wander.core.Stats;
import dev.zerotorunning.wander.service.StatsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {
  private final StatsService stats;

  public StatsResource(StatsService stats) {
    this.stats = stats;
  }

  @GET
  public Response stats() {
    Cached<Stats> cached = stats.stats();
    return CachedResponses.ok(new DataEnvelope<>(cached.value()), cached.status());
  }
}
