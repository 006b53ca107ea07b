package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.DataEnvelope;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.service.ReferenceDataService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The lists the dashboard's pickers and filters are built from. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {
  private final ReferenceDataService referenceData;
  private final CachedResponses cached;

  public ReferenceDataResource(ReferenceDataService referenceData, ResponseCache cache) {
    this.referenceData = referenceData;
    this.cached = new CachedResponses(cache);
  }

  @GET
  @Path("services")
  public Response services() {
    return cached.read(
        CachedRoute.SERVICES, "", referenceData::services, (list, hit) -> new DataEnvelope<>(list));
  }

  @GET
  @Path("environments")
  public Response environments() {
    return cached.read(
        CachedRoute.ENVIRONMENTS,
        "",
        referenceData::environments,
        (list, hit) -> new DataEnvelope<>(list));
  }
}
