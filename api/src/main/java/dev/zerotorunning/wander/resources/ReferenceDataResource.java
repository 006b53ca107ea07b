package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.DataEnvelope;
import dev.zerotorunning.wander.cache.Cached;
import dev.zerotorunning.wander.service.ReferenceDataService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The lists the dashboard's pickers and filters are built from. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {
  private final ReferenceDataService referenceData;

  public ReferenceDataResource(ReferenceDataService referenceData) {
    this.referenceData = referenceData;
  }

  @GET
  @Path("services")
  public Response services() {
    return ok(referenceData.services());
  }

  @GET
  @Path("environments")
  public Response environments() {
    return ok(referenceData.environments());
  }

  private static Response ok(Cached<? extends List<?>> list) {
    return CachedResponses.ok(new DataEnvelope<>(list.value()), list.status());
  }
}
