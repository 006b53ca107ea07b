package dev.zerotorunning.wander.health;

import com.codahale.metrics.health.HealthCheck;
import dev.zerotorunning.wander.worker.RolloutWorker;
import java.time.Clock;
import java.time.Duration;

/** Healthy while the worker's loop is alive and went round recently. */
public class WorkerHealthCheck extends HealthCheck {
  private final RolloutWorker worker;
  private final Duration maxSilence;
  private final Clock clock;

  public WorkerHealthCheck(RolloutWorker worker, Duration maxSilence, Clock clock) {
    this.worker = worker;
    this.maxSilence = maxSilence;
    this.clock = clock;
  }

  @Override
  protected Result check() {
    if (!worker.isRunning()) {
      return Result.unhealthy("worker " + worker.name() + " is not running");
    }
    Duration silence = Duration.between(worker.lastBeat(), clock.instant());
    if (silence.compareTo(maxSilence) > 0) {
      return Result.unhealthy(
          "worker %s stuck: no poll for %ds".formatted(worker.name(), silence.toSeconds()));
    }
    return Result.healthy(
        "worker %s, %d rollout(s) finished".formatted(worker.name(), worker.finishedRollouts()));
  }
}
