package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.DataEnvelope;
import dev.zerotorunning.wander.api.ListEnvelope;
import dev.zerotorunning.wander.api.NewDeployment;
import dev.zerotorunning.wander.api.StatusChange;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.core.Deployment;
import dev.zerotorunning.wander.core.DeploymentFilter;
import dev.zerotorunning.wander.core.Page;
import dev.zerotorunning.wander.errors.ApiException;
import dev.zerotorunning.wander.service.DeploymentService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

@Path("/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {
  private final DeploymentService deployments;
  private final CachedResponses cached;

  public DeploymentResource(DeploymentService deployments, ResponseCache cache) {
    this.deployments = deployments;
    this.cached = new CachedResponses(cache);
  }

  @GET
  public Response list(
      @QueryParam("service") String service,
      @QueryParam("environment") String environment,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    DeploymentFilter filter =
        QueryParams.deploymentFilter(service, environment, status, limit, offset);
    return cached.read(
        CachedRoute.DEPLOYMENTS,
        filter.cacheKey(),
        () -> deployments.list(filter),
        (Page<Deployment> page, Boolean hit) ->
            new ListEnvelope<>(page.items(), page.total(), hit));
  }

  @GET
  @Path("/{id}")
  public DataEnvelope<Deployment> get(@PathParam("id") String id) {
    return new DataEnvelope<>(deployments.get(QueryParams.id(id)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewDeployment request, @Context UriInfo uri) {
    Deployment created = deployments.create(required(request));
    // Relative, so it stays right behind any proxy (nginx, Vite) whatever Host it forwards.
    URI location = URI.create(uri.getBaseUri().getPath() + "deployments/" + created.id());
    return Response.created(location).entity(new DataEnvelope<>(created)).build();
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public DataEnvelope<Deployment> changeStatus(@PathParam("id") String id, StatusChange change) {
    return new DataEnvelope<>(deployments.changeStatus(QueryParams.id(id), required(change)));
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw ApiException.badRequest("A JSON request body is required", List.of());
    }
    return body;
  }
}
