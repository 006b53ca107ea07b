package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.DataEnvelope;
import dev.zerotorunning.wander.cache.ResponseCache;
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
  private final CachedResponses cached;

  public StatsResource(StatsService stats, ResponseCache cache) {
    this.stats = stats;
    this.cached = new CachedResponses(cache);
  }

  @GET
  public Response stats() {
    return cached.read(
        CachedRoute.STATS, StatsService.CACHE_KEY, stats::stats, (s, hit) -> new DataEnvelope<>(s));
  }
}
