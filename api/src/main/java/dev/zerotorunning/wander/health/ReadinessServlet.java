package dev.zerotorunning.wander.health;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * {@code GET /ready} on the admin port, for container and Kubernetes probes: 200 while every
 * critical health check passes, 503 otherwise. Dropwizard's own {@code /healthcheck} fails on any
 * check; a probe must not restart or unroute the API just because the cache is away.
 */
public class ReadinessServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient HealthCheckRegistry registry;
  private final transient Set<String> nonCritical;

  public ReadinessServlet(HealthCheckRegistry registry, Set<String> nonCritical) {
    this.registry = registry;
    this.nonCritical = Set.copyOf(nonCritical);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SortedMap<String, HealthCheck.Result> results = registry.runHealthChecks();
    boolean ready =
        results.entrySet().stream()
            .filter(e -> !nonCritical.contains(e.getKey()))
            .allMatch(e -> e.getValue().isHealthy());
    response.setStatus(ready ? 200 : 503);
    response.setContentType("text/plain;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    String lines =
        results.entrySet().stream()
            .map(e -> line(e, nonCritical.contains(e.getKey())))
            .collect(Collectors.joining("\n"));
    response.getWriter().println((ready ? "ready" : "not ready") + "\n" + lines);
  }

  private static String line(Map.Entry<String, HealthCheck.Result> entry, boolean optional) {
    HealthCheck.Result result = entry.getValue();
    String state = result.isHealthy() ? "up" : "down";
    String message = result.getMessage() == null ? "" : " (" + result.getMessage() + ")";
    return "%s: %s%s%s".formatted(entry.getKey(), state, optional ? ", not critical" : "", message);
  }
}
