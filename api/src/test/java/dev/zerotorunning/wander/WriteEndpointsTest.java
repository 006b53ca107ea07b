package dev.zerotorunning.wander;

import static dev.zerotorunning.wander.support.DeploymentRequests.statusChange;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.core.DeploymentStatus;
import dev.zerotorunning.wander.support.DeploymentRequests;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.SeededStackTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WriteEndpointsTest extends SeededStackTest {

  /** The body of {@code POST /deployments}, for the tests of this package that name it here. */
  static String newDeployment(String service, String environment, String version, String by) {
    return DeploymentRequests.newDeployment(service, environment, version, by);
  }

  long create() {
    return http.post("/deployments", newDeployment("api", "staging", "v2.0.0", "dev@example.com"))
        .expectStatus(201)
        .json()
        .get("data")
        .get("id")
        .asLong();
  }

  @Test
  void walksTheHappyPathToRollback() {
    long id = stack.insertManualDeployment();
    assertThat(
            move(id, "in_progress", null)
                .expectStatus(200)
                .json()
                .get("data")
                .get("status")
                .asText())
        .isEqualTo("in_progress");
    JsonNode done = move(id, "completed", null).expectStatus(200).json().get("data");
    assertThat(done.get("completed_at").isNull()).isFalse();
    JsonNode rolledBack =
        move(id, "rolled_back", "error rate spiked").expectStatus(200).json().get("data");
    assertThat(rolledBack.get("status").asText()).isEqualTo("rolled_back");
    assertThat(rolledBack.get("error_message").asText()).isEqualTo("error rate spiked");
  }

  @Test
  void failureKeepsItsMessage() {
    long id = stack.insertManualDeployment();
    move(id, "in_progress", null).expectStatus(200);
    JsonNode failed = move(id, "failed", "image pull failed").expectStatus(200).json().get("data");
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error_message").asText()).isEqualTo("image pull failed");
    assertThat(failed.get("completed_at").isNull()).isFalse();
  }

  @Test
  void aDeploymentTheWorkerIsRollingOutCannotBeMovedByHand() {
    long id = create();
    JsonNode error = move(id, "in_progress", null).expectStatus(409).json();
    assertThat(error.get("error").asText())
        .isEqualTo(
            "Deployment %d is being rolled out by a worker; its status changes on its own"
                .formatted(id));
    stack
        .jdbi()
        .useHandle(
            h -> h.execute("UPDATE deployments SET status = 'in_progress' WHERE id = ?", id));
    move(id, "failed", "stop").expectStatus(409);
    assertThat(http.get("/deployments/" + id).json().get("data").get("status").asText())
        .isEqualTo("in_progress");
  }

  static Stream<Arguments> illegalTransitions() {
    List<Arguments> pairs = new ArrayList<>();
    for (DeploymentStatus from : DeploymentStatus.values()) {
      for (DeploymentStatus to : DeploymentStatus.values()) {
        if (!from.canMoveTo(to)) {
          pairs.add(Arguments.of(from, to));
        }
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest
  @MethodSource("illegalTransitions")
  void refusesIllegalTransitionsWith409(DeploymentStatus from, DeploymentStatus to) {
    long id = stack.insertManualDeployment();
    bring(id, from);
    JsonNode error = move(id, to.wireName(), null).expectStatus(409).json();
    assertThat(error.get("error").asText()).contains(from.wireName()).contains(to.wireName());
    assertThat(http.get("/deployments/" + id).json().get("data").get("status").asText())
        .isEqualTo(from.wireName());
  }

  @Test
  void statusChangeValidation() {
    long id = stack.insertManualDeployment();
    assertThat(fieldsOf(move(id, "exploded", null).expectStatus(422).json()))
        .containsExactly("status");
    assertThat(fieldsOf(move(id, "in_progress", "why").expectStatus(422).json()))
        .containsExactly("error_message");
    assertThat(fieldsOf(http.patch("/deployments/" + id, "{}").expectStatus(422).json()))
        .containsExactly("status");
  }

  @ParameterizedTest
  @EnumSource(DeploymentStatus.class)
  void allowedTransitionsAreWhatAPatchAccepts(DeploymentStatus from) {
    long id = stack.insertManualDeployment();
    bring(id, from);
    List<String> allowed = allowedTransitions(id);
    assertThat(allowed)
        .containsExactlyElementsOf(
            from.nextStatuses().stream().map(DeploymentStatus::wireName).toList());
    for (String to : allowed) {
      long other = stack.insertManualDeployment();
      bring(other, from);
      assertThat(move(other, to, null).expectStatus(200).json().at("/data/status").asText())
          .isEqualTo(to);
    }
  }

  @Test
  void aRolloutOffersNoTransitionsUntilTheWorkerIsDone() {
    long id = create();
    assertThat(allowedTransitions(id)).isEmpty();
    JsonNode listed = http.get("/deployments?limit=100").expectStatus(200).json().get("data");
    assertThat(listed).isNotEmpty().allMatch(d -> d.get("allowed_transitions").isArray());
    completeBehindTheApi(id);
    assertThat(allowedTransitions(id)).containsExactly("rolled_back");
  }

  /** What a worker's last step writes: the rollout is over, the deployment completed. */
  private void completeBehindTheApi(long id) {
    stack
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE deployments SET status = 'completed', completed_at = now() WHERE id ="
                        + " ?",
                    id));
  }

  private List<String> allowedTransitions(long id) {
    List<String> allowed = new ArrayList<>();
    http.get("/deployments/" + id)
        .expectStatus(200)
        .json()
        .at("/data/allowed_transitions")
        .forEach(status -> allowed.add(status.asText()));
    return allowed;
  }

  private void bring(long id, DeploymentStatus target) {
    List<String> path =
        switch (target) {
          case PENDING -> List.of();
          case IN_PROGRESS -> List.of("in_progress");
          case COMPLETED -> List.of("in_progress", "completed");
          case FAILED -> List.of("in_progress", "failed");
          case ROLLED_BACK -> List.of("in_progress", "completed", "rolled_back");
        };
    path.forEach(step -> move(id, step, null).expectStatus(200));
  }

  private Http.Reply move(long id, String status, String message) {
    return http.patch("/deployments/" + id, statusChange(status, message));
  }

  private static List<String> fieldsOf(JsonNode error) {
    List<String> fields = new ArrayList<>();
    error.get("details").forEach(d -> fields.add(d.get("field").asText()));
    return fields;
  }
}
