package dev.zerotorunning.wander.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The latency of every API request, as the histogram {@code http_server_request_duration_seconds}
 * with the labels {@code method}, {@code route} (the resource's path template, such as {@code
 * /api/deployments/{id}}: one series per endpoint, not per id) and {@code status}. A request that
 * matched no resource (a 404, or a body refused before matching) has the route {@value #UNMATCHED},
 * so no client can grow the number of series.
 */
@Provider
public class HttpMetrics implements ApplicationEventListener {
  public static final String NAME = "http_server_request_duration_seconds";
  static final String UNMATCHED = "unmatched";

  private final Histogram duration;

  public HttpMetrics(PrometheusRegistry registry) {
    this.duration =
        Histogram.builder()
            .name(NAME)
            .help("Time to answer an API request, by method, route template and status")
            .unit(Unit.SECONDS)
            .labelNames("method", "route", "status")
            // The text format carries classic buckets only; the defaults span 5 ms to 10 s.
            .classicOnly()
            .register(registry);
  }

  @Override
  public void onEvent(ApplicationEvent event) {}

  @Override
  public RequestEventListener onRequest(RequestEvent start) {
    long started = System.nanoTime();
    return event -> {
      if (event.getType() == RequestEvent.Type.FINISHED) {
        observe(
            event.getContainerRequest().getMethod(),
            route(event.getUriInfo()),
            status(event),
            started);
      }
    };
  }

  /** Records a request answered since {@code startedNanos} ({@link System#nanoTime()}). */
  public void observe(String method, String route, String status, long startedNanos) {
    duration
        .labelValues(method, route, status)
        .observe(Unit.nanosToSeconds(System.nanoTime() - startedNanos));
  }

  /** The matched resource's full path template, from the application's base path. */
  static String route(ExtendedUriInfo uri) {
    List<UriTemplate> templates = uri.getMatchedTemplates();
    if (templates.isEmpty()) {
      return UNMATCHED;
    }
    StringBuilder path = new StringBuilder(uri.getBaseUri().getPath());
    // Innermost first: the method's template, then its resource's.
    for (int i = templates.size() - 1; i >= 0; i--) {
      path.append('/').append(templates.get(i).getTemplate());
    }
    String route = path.toString().replaceAll("/{2,}", "/");
    return route.length() > 1 && route.endsWith("/")
        ? route.substring(0, route.length() - 1)
        : route;
  }

  private static String status(RequestEvent event) {
    ContainerResponseContext response = event.getContainerResponse();
    return response == null ? "500" : Integer.toString(response.getStatus());
  }
}
