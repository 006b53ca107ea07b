package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.HealthReport;
import dev.zerotorunning.wander.health.HealthReporter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The dashboard's view of the stack: 200 while PostgreSQL answers (Redis down is "degraded"). */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  private final HealthReporter reporter;

  public HealthResource(HealthReporter reporter) {
    this.reporter = reporter;
  }

  @GET
  public Response health() {
    HealthReport report = reporter.report();
    int status = "unhealthy".equals(report.status()) ? 503 : 200;
    return Response.status(status).entity(report).header("Cache-Control", "no-store").build();
  }
}
