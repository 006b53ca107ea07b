package dev.zerotorunning.wander.worker;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;

/**
 * {@code wander_rollouts_total}: the rollout jobs a worker ran, by {@code outcome}. {@code
 * completed} and {@code failed} are the deployment's end; the others are runs that ended without
 * one, the job left to whoever holds the rollout.
 */
public final class RolloutMetrics {
  public static final String NAME = "wander_rollouts";

  /** The values of the {@code outcome} label. */
  public enum Result {
    COMPLETED,
    FAILED,
    /** Already finished, or gone. */
    NOTHING_TO_DO,
    /** Another worker holds the lease. */
    HELD_ELSEWHERE,
    /** The lease expired mid-way; another worker took over. */
    LEASE_LOST,
    /** The worker stopped mid-way and released the lease. */
    STOPPED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Counter rollouts;

  public RolloutMetrics(PrometheusRegistry registry) {
    rollouts =
        Counter.builder()
            .name(NAME)
            .help("Rollout jobs run by this worker, by outcome")
            .labelNames("outcome")
            .register(registry);
    // Every outcome exists from the start at 0, so rate() and increase() see the first one.
    for (Result result : Result.values()) {
      rollouts.initLabelValues(result.label());
    }
  }

  void record(Result result) {
    rollouts.labelValues(result.label()).inc();
  }
}
