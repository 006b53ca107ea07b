package dev.zerotorunning.wander.core;

import java.time.Instant;
import java.util.Optional;

/**
 * The worker's bookkeeping for one automated deployment: who holds it, how often it was taken, and
 * the failure it was planned to meet (decided once, so a retried job meets the same fate).
 */
public record Rollout(
    long deploymentId,
    String worker,
    int attempts,
    boolean planDecided,
    RolloutStep failStep,
    Instant finishedAt) {

  public Optional<RolloutStep> plannedFailure() {
    return Optional.ofNullable(failStep);
  }

  public boolean finished() {
    return finishedAt != null;
  }
}
