package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.DataEnvelope;
import dev.zerotorunning.wander.api.RolloutView;
import dev.zerotorunning.wander.service.RolloutService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The live steps of a deployment's rollout; never cached, the dashboard polls it. */
@Path("/deployments/{id}/steps")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {
  private final RolloutService rollouts;

  public RolloutResource(RolloutService rollouts) {
    this.rollouts = rollouts;
  }

  @GET
  public DataEnvelope<RolloutView> steps(@PathParam("id") String id) {
    return new DataEnvelope<>(rollouts.steps(QueryParams.id(id)));
  }
}
