package dev.zerotorunning.k8s.model;

/** A {@code depends_on} entry; short syntax means {@code service_started}. */
public record Dependency(String service, String condition) {
  public static final String STARTED = "service_started";
  public static final String HEALTHY = "service_healthy";
  public static final String COMPLETED = "service_completed_successfully";
}
