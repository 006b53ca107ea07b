package dev.zerotorunning.wander.resources;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.zerotorunning.wander.api.DataEnvelope;
import dev.zerotorunning.wander.cache.Cached;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.core.Environment;
import dev.zerotorunning.wander.core.Service;
import dev.zerotorunning.wander.db.EnvironmentDao;
import dev.zerotorunning.wander.db.ServiceDao;
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
  private static final TypeReference<List<Service>> SERVICES = new TypeReference<>() {};
  private static final TypeReference<List<Environment>> ENVIRONMENTS = new TypeReference<>() {};

  private final ServiceDao services;
  private final EnvironmentDao environments;
  private final ResponseCache cache;

  public ReferenceDataResource(
      ServiceDao services, EnvironmentDao environments, ResponseCache cache) {
    this.services = services;
    this.environments = environments;
    this.cache = cache;
  }

  @GET
  @Path("services")
  public Response services() {
    Cached<List<Service>> list = cache.read("services", "", SERVICES, services::listAll);
    return CachedResponses.ok(new DataEnvelope<>(list.value()), list.status());
  }

  @GET
  @Path("environments")
  public Response environments() {
    Cached<List<Environment>> list =
        cache.read("environments", "", ENVIRONMENTS, environments::listAll);
    return CachedResponses.ok(new DataEnvelope<>(list.value()), list.status());
  }
}
