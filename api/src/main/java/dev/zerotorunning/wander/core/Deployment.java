package dev.zerotorunning.wander.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One version of one service sent to one environment, and how it went. {@code automated}: created
 * through the API and rolled out by the worker, not recorded by hand or seeded.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Deployment(
    long id,
    Ref service,
    Ref environment,
    String version,
    DeploymentStatus status,
    String deployedBy,
    Instant startedAt,
    Instant completedAt,
    String errorMessage,
    boolean automated) {

  /** Pending or in progress: a worker is still walking an automated deployment through steps. */
  public boolean rollingOut() {
    return automated
        && (status == DeploymentStatus.PENDING || status == DeploymentStatus.IN_PROGRESS);
  }

  /**
   * The statuses a PATCH may move it to now, in lifecycle order: none while a worker owns it, none
   * once it is final. Sent, never read: it follows from the fields above.
   */
  @JsonProperty(value = "allowed_transitions", access = JsonProperty.Access.READ_ONLY)
  public List<DeploymentStatus> allowedTransitions() {
    return rollingOut() ? List.of() : List.copyOf(status.nextStatuses());
  }
}
