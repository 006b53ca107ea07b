package dev.zerotorunning.scenarios.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule a finished rollout's steps obey (GET /api/deployments/{id}/steps), for every scenario
 * that moves rollouts: the e2e worker scenarios and the chaos ones.
 */
public final class RolloutSteps {
  public static final List<String> STEP_NAMES =
      List.of("build", "push", "deploy", "health_check", "done");
  public static final Set<String> FINAL = Set.of("completed", "failed");

  private RolloutSteps() {}

  /** Whether the rollout (a /steps answer's data) is completed or failed. */
  public static boolean finished(JsonNode rollout) {
    return FINAL.contains(rollout.path("status").asText());
  }

  /**
   * What is wrong with a finished rollout's steps, or empty when they agree with its outcome: the
   * five steps in order; completed: all succeeded; failed: the steps before the failed one
   * succeeded, those after it were skipped (none before or after when the first or last failed).
   */
  public static Optional<String> inconsistency(JsonNode rollout) {
    List<String> names = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    rollout
        .path("steps")
        .forEach(
            s -> {
              names.add(s.path("step").asText());
              statuses.add(s.path("status").asText());
            });
    if (!names.equals(STEP_NAMES)) {
      return Optional.of("steps " + names + ", not " + STEP_NAMES);
    }
    String status = rollout.path("status").asText();
    int failed = statuses.indexOf("failed");
    boolean agrees =
        switch (status) {
          case "completed" -> statuses.stream().allMatch("succeeded"::equals);
          case "failed" ->
              failed >= 0
                  && statuses.subList(0, failed).stream().allMatch("succeeded"::equals)
                  && statuses.subList(failed + 1, statuses.size()).stream()
                      .allMatch("skipped"::equals);
          default -> false;
        };
    return agrees
        ? Optional.empty()
        : Optional.of("a " + status + " rollout with steps " + statuses);
  }
}
