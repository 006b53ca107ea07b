package dev.zerotorunning.wander.worker;

import dev.zerotorunning.wander.core.Deployment;
import dev.zerotorunning.wander.core.RolloutStep;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Stands in for a real pipeline: each step takes a while and says what it did, and a configured
 * share of rollouts fails at one step, with the kind of message that step would give.
 */
public class StepSimulator {
  private static final List<RolloutStep> FALLIBLE =
      Arrays.stream(RolloutStep.values()).filter(RolloutStep::canFail).toList();

  private final RandomGenerator random;
  private final long minDelayMillis;
  private final long maxDelayMillis;
  private final double failureRate;

  public StepSimulator(RandomGenerator random, RolloutSettings settings) {
    this.random = random;
    this.minDelayMillis = settings.getStepDelayMin().toMilliseconds();
    this.maxDelayMillis = settings.getStepDelayMax().toMilliseconds();
    this.failureRate = settings.getFailureRate();
  }

  /** The step this rollout will fail at, or empty when it will succeed. */
  public Optional<RolloutStep> planFailure() {
    if (random.nextDouble() >= failureRate) {
      return Optional.empty();
    }
    return Optional.of(FALLIBLE.get(random.nextInt(FALLIBLE.size())));
  }

  /** The step's work: a pause between the configured bounds. */
  public void work() throws InterruptedException {
    long millis =
        maxDelayMillis > minDelayMillis
            ? random.nextLong(minDelayMillis, maxDelayMillis + 1)
            : minDelayMillis;
    Thread.sleep(millis);
  }

  public String success(RolloutStep step, Deployment d) {
    String image = image(d);
    return switch (step) {
      case BUILD -> "Built image %s (sha256:%s)".formatted(image, digest(d));
      case PUSH -> "Pushed %s to registry.wander.internal".formatted(image);
      case DEPLOY ->
          "Rolled out 3/3 replicas of %s to %s"
              .formatted(d.service().name(), d.environment().name());
      case HEALTH_CHECK -> "3/3 replicas ready; GET /health answered 200";
      case DONE ->
          "%s %s is live in %s".formatted(d.service().name(), d.version(), d.environment().name());
    };
  }

  /** What went wrong; the deployment's error message is "<step label> failed: " and this. */
  public String failure(RolloutStep step, Deployment d) {
    return switch (step) {
      case BUILD -> "2 tests failed building %s (exit code 1)".formatted(image(d));
      case PUSH -> "registry answered 503 Service Unavailable for %s".formatted(image(d));
      case DEPLOY ->
          "%s in %s exceeded its progress deadline (120s)"
              .formatted(d.service().name(), d.environment().name());
      case HEALTH_CHECK -> "0/3 replicas ready: readiness probe GET /health answered 500";
      case DONE -> throw new IllegalArgumentException("the done step cannot fail");
    };
  }

  private static String image(Deployment d) {
    return d.service().name() + ":" + d.version();
  }

  // Stable per deployment, so a step run again reports the same image.
  private static String digest(Deployment d) {
    return HexFormat.of().toHexDigits((d.id() * 0x9E3779B97F4A7C15L) ^ d.version().hashCode());
  }
}
