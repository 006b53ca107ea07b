package dev.zerotorunning.wander.support;

/** Request bodies of the deployment API, as a client writes them. */
public final class DeploymentRequests {
  private DeploymentRequests() {}

  /** The body of {@code POST /deployments}. */
  public static String newDeployment(
      String service, String environment, String version, String by) {
    return """
    {"service": "%s", "environment": "%s", "version": "%s", "deployed_by": "%s"}\
    """
        .formatted(service, environment, version, by);
  }

  /** The body of {@code PATCH /deployments/{id}}; {@code message} may be null. */
  public static String statusChange(String status, String message) {
    return message == null
        ? "{\"status\": \"%s\"}".formatted(status)
        : "{\"status\": \"%s\", \"error_message\": \"%s\"}".formatted(status, message);
  }
}
