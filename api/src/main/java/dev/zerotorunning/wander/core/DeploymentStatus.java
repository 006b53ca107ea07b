package dev.zerotorunning.wander.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a deployment is in its life, and where it may go next. */
public enum DeploymentStatus {
  PENDING,
  IN_PROGRESS,
  COMPLETED,
  FAILED,
  ROLLED_BACK;

  /** The name on the wire and in the database: {@code in_progress}. */
  @JsonValue
  public String wireName() {
    return WireNames.of(this);
  }

  public static Optional<DeploymentStatus> fromWireName(String value) {
    return WireNames.parse(values(), value);
  }

  public static String allWireNames() {
    return Arrays.stream(values())
        .map(DeploymentStatus::wireName)
        .collect(Collectors.joining(", "));
  }

  /**
   * The statuses this one may move to: pending→in_progress→completed|failed, completed→rolled_back.
   */
  public Set<DeploymentStatus> nextStatuses() {
    return switch (this) {
      case PENDING -> EnumSet.of(IN_PROGRESS);
      case IN_PROGRESS -> EnumSet.of(COMPLETED, FAILED);
      case COMPLETED -> EnumSet.of(ROLLED_BACK);
      case FAILED, ROLLED_BACK -> EnumSet.noneOf(DeploymentStatus.class);
    };
  }

  public boolean canMoveTo(DeploymentStatus next) {
    return nextStatuses().contains(next);
  }

  /** Entering these ends the rollout, so they stamp {@code completed_at}. */
  public boolean endsRollout() {
    return this == COMPLETED || this == FAILED;
  }

  /** Only a failure or a rollback carries a reason. */
  public boolean acceptsErrorMessage() {
    return this == FAILED || this == ROLLED_BACK;
  }
}
