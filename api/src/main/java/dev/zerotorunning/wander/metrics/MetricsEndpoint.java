package dev.zerotorunning.wander.metrics;

import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * A process's metrics in the Prometheus text format at {@value #PATH} on the admin port (beside
 * Dropwizard's JSON {@code /metrics}): the JVM's (memory, GC, threads, classes, CPU) and whatever
 * the process registers in the returned registry. One registry per process, not the static default,
 * so two apps in one JVM (the tests) keep their own series.
 */
public final class MetricsEndpoint {
  public static final String PATH = "/prometheus";

  private MetricsEndpoint() {}

  public static PrometheusRegistry install(Environment environment) {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmMetrics.builder().register(registry);
    environment
        .admin()
        .addServlet("prometheus", new PrometheusMetricsServlet(registry))
        .addMapping(PATH);
    return registry;
  }
}
