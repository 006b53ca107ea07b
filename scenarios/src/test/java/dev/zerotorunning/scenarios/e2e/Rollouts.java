package dev.zerotorunning.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.RolloutSteps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Rollouts through the API: requested by a POST, moved by the worker, read back with /steps. */
final class Rollouts {
  private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

  private final Api api;

  Rollouts(Api api) {
    this.api = api;
  }

  /** POSTs a deployment of {@code service} and returns its id; it must answer 201, pending. */
  long request(String service, String environment, String version) {
    Api.Reply reply =
        api.postJson(
            "/api/deployments",
            String.format(
                "{\"service\":\"%s\",\"environment\":\"%s\",\"version\":\"%s\","
                    + "\"deployed_by\":\"e2e@example.com\"}",
                service, environment, version));
    assertThat(reply.status()).as("POST %s %s: %s", service, version, reply.body()).isEqualTo(201);
    JsonNode data = reply.json().path("data");
    assertThat(data.path("status").asText()).as("a new deployment's status").isEqualTo("pending");
    assertThat(data.path("automated").asBoolean()).as("a POSTed deployment is automated").isTrue();
    return data.path("id").asLong();
  }

  /** The /steps answer's data of deployment {@code id} (never cached). */
  JsonNode steps(long id) {
    Api.Reply reply = api.get("/api/deployments/" + id + "/steps");
    assertThat(reply.status())
        .as("GET /api/deployments/%d/steps: %s", id, reply.body())
        .isEqualTo(200);
    return reply.json().path("data");
  }

  boolean finished(long id) {
    return RolloutSteps.finished(steps(id));
  }

  /** Waits until every rollout is completed or failed. */
  void awaitFinished(Duration atMost, List<Long> ids) {
    await("rollouts " + ids + " completed or failed")
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> ids.stream().allMatch(this::finished));
  }

  /**
   * A finished rollout's steps agree with its outcome: the 5 steps in order; completed: all
   * succeeded; failed: the steps before the failed one succeeded, those after it were skipped; each
   * step that ran has its start and end.
   */
  static void assertFinishedConsistently(JsonNode data) {
    String context = data.toString();
    assertThat(RolloutSteps.finished(data)).as("finished: %s", context).isTrue();
    assertThat(data.path("automated").asBoolean()).as("automated: %s", context).isTrue();
    assertThat(data.path("worker").isTextual()).as("the worker that ran it: %s", context).isTrue();
    assertThat(data.path("attempts").asInt()).as("attempts: %s", context).isGreaterThanOrEqualTo(1);
    assertThat(RolloutSteps.inconsistency(data)).as(context).isEmpty();
    List<JsonNode> steps = list(data.path("steps"));
    assertThat(steps).extracting(s -> s.path("position").asInt()).containsExactly(1, 2, 3, 4, 5);
    steps.stream()
        .filter(s -> Set.of("succeeded", "failed").contains(s.path("status").asText()))
        .forEach(
            s -> {
              assertThat(s.path("started_at").asText())
                  .as("started_at of %s", s)
                  .matches(ISO_INSTANT);
              assertThat(s.path("finished_at").asText())
                  .as("finished_at of %s", s)
                  .matches(ISO_INSTANT);
            });
  }

  /** The deployment agrees with its finished steps: completed_at set, error_message when failed. */
  static void assertDeploymentFinished(JsonNode deployment) {
    String context = deployment.toString();
    assertThat(RolloutSteps.finished(deployment)).as("finished: %s", context).isTrue();
    assertThat(deployment.path("completed_at").asText())
        .as("completed_at: %s", context)
        .matches(ISO_INSTANT);
    if (deployment.path("status").asText().equals("failed")) {
      assertThat(deployment.path("error_message").asText())
          .as("error_message: %s", context)
          .isNotBlank();
    } else {
      assertThat(deployment.path("error_message").isNull())
          .as("no error_message: %s", context)
          .isTrue();
    }
  }

  static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .collect(Collectors.toCollection(ArrayList::new));
  }
}
