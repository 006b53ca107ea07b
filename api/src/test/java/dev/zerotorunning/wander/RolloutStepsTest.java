package dev.zerotorunning.wander;

import static dev.zerotorunning.wander.support.DeploymentRequests.newDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.SeededStackTest;
import dev.zerotorunning.wander.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /deployments/{id}/steps} as the API answers it, with no worker running. */
class RolloutStepsTest extends SeededStackTest {

  @Test
  void aQueuedRolloutListsEveryStepAsWaiting() {
    long id = RolloutWorkerTest.create(stack, "v8.0.0");
    Http.Reply reply = http.get("/deployments/" + id + "/steps").expectStatus(200);
    assertThat(reply.header("X-Cache")).as("live, never cached").isNull();
    JsonNode rollout = reply.json().get("data");
    assertThat(rollout.get("deployment_id").asLong()).isEqualTo(id);
    assertThat(rollout.get("status").asText()).isEqualTo("pending");
    assertThat(rollout.get("automated").asBoolean()).isTrue();
    assertThat(rollout.get("worker").isNull()).isTrue();
    assertThat(rollout.get("attempts").asInt()).isZero();
    List<String> names = new ArrayList<>();
    for (JsonNode step : rollout.get("steps")) {
      names.add(step.get("step").asText());
      assertThat(step.get("status").asText()).isEqualTo("waiting");
      assertThat(step.get("started_at").isNull()).isTrue();
    }
    assertThat(names).containsExactly("build", "push", "deploy", "health_check", "done");
    assertThat(rollout.get("steps").get(3).get("position").asInt()).isEqualTo(4);
  }

  @Test
  void aQueuedJobIsInRedisAndMarkedQueued() {
    long id = RolloutWorkerTest.create(stack, "v8.0.1");
    assertThat(
            stack.redis().xrange(TestStack.ROLLOUT_STREAM, io.lettuce.core.Range.create("-", "+")))
        .extracting(m -> m.getBody().get("deployment_id"))
        .containsExactly(Long.toString(id));
    assertThat(stack.rolloutQueued(id)).isTrue();
  }

  @Test
  void aDeploymentRecordedByHandHasNoSteps() {
    long id = stack.insertManualDeployment();
    JsonNode rollout =
        http.get("/deployments/" + id + "/steps").expectStatus(200).json().get("data");
    assertThat(rollout.get("automated").asBoolean()).isFalse();
    assertThat(rollout.get("steps")).isEmpty();
    assertThat(rollout.get("worker").isNull()).isTrue();
    assertThat(http.get("/deployments/" + id).json().get("data").get("automated").asBoolean())
        .isFalse();
  }

  @Test
  void unknownAndMalformedIdsAreClientErrors() {
    JsonNode missing = http.get("/deployments/999999/steps").expectStatus(404).json();
    assertThat(missing.get("error").asText()).isEqualTo("Deployment 999999 does not exist");
    http.get("/deployments/-3/steps").expectStatus(400);
  }

  @Test
  void creatingWhileRedisIsDownStillAnswersAndKeepsTheRolloutForLater() {
    stack.stopRedis();
    try {
      JsonNode created =
          http.post("/deployments", newDeployment("api", "production", "v8.1.0", "a@example.com"))
              .expectStatus(201)
              .json()
              .get("data");
      assertThat(created.get("status").asText()).isEqualTo("pending");
      assertThat(created.get("automated").asBoolean()).isTrue();
      assertThat(stack.rolloutQueued(created.get("id").asLong()))
          .as("not queued yet: the worker's relay will")
          .isFalse();
    } finally {
      stack.startRedis();
    }
  }
}
