package dev.zerotorunning.wander.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.wander.worker.RolloutSettings;
import dev.zerotorunning.wander.worker.StepSimulator;
import io.dropwizard.jackson.Jackson;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepSimulatorTest {

  private static StepSimulator simulator(double failureRate, long seed) throws Exception {
    RolloutSettings settings =
        Jackson.newObjectMapper()
            .readValue("{\"failureRate\": " + failureRate + "}", RolloutSettings.class);
    return new StepSimulator(new SplittableRandom(seed), settings);
  }

  @Test
  void failureRateZeroNeverFailsAndOneAlwaysFails() throws Exception {
    StepSimulator never = simulator(0.0, 1);
    StepSimulator always = simulator(1.0, 1);
    for (int i = 0; i < 200; i++) {
      assertThat(never.planFailure()).isEmpty();
      assertThat(always.planFailure()).isPresent();
    }
  }

  @Test
  void failuresLandOnEveryStepButDoneAndMatchTheRate() throws Exception {
    StepSimulator simulator = simulator(0.2, 42);
    Map<RolloutStep, Integer> failedAt = new EnumMap<>(RolloutStep.class);
    int failures = 0;
    int runs = 10_000;
    for (int i = 0; i < runs; i++) {
      Optional<RolloutStep> plan = simulator.planFailure();
      if (plan.isPresent()) {
        failures++;
        failedAt.merge(plan.get(), 1, Integer::sum);
      }
    }
    assertThat(failedAt.keySet())
        .containsExactlyInAnyOrder(
            RolloutStep.BUILD, RolloutStep.PUSH, RolloutStep.DEPLOY, RolloutStep.HEALTH_CHECK);
    // A fixed seed: the share is what the generator gives for it, near the configured 20 %.
    assertThat(failures).isBetween(1_800, 2_200);
  }
}
