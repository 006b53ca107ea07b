package dev.zerotorunning.wander.health;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /live} on the worker's admin port, for the Kubernetes liveness probe: 200 while the
 * worker's loop goes round, 503 when it is stuck or dead. Only that one check: a PostgreSQL or
 * Redis outage takes the worker out of readiness ({@code /ready}) but must not restart it, since
 * its loop waits and carries on when they return.
 */
public class LivenessServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient HealthCheckRegistry registry;
  private final String check;

  public LivenessServlet(HealthCheckRegistry registry, String check) {
    this.registry = registry;
    this.check = check;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HealthCheck.Result result = registry.runHealthCheck(check);
    response.setStatus(result.isHealthy() ? 200 : 503);
    response.setContentType("text/plain;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    String message = result.getMessage() == null ? "" : " (" + result.getMessage() + ")";
    response
        .getWriter()
        .println(
            (result.isHealthy() ? "live" : "not live")
                + "\n"
                + check
                + ": "
                + (result.isHealthy() ? "up" : "down")
                + message);
  }
}
