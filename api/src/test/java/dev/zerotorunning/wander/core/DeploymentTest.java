package dev.zerotorunning.wander.core;

import static dev.zerotorunning.wander.core.DeploymentStatus.COMPLETED;
import static dev.zerotorunning.wander.core.DeploymentStatus.FAILED;
import static dev.zerotorunning.wander.core.DeploymentStatus.IN_PROGRESS;
import static dev.zerotorunning.wander.core.DeploymentStatus.PENDING;
import static dev.zerotorunning.wander.core.DeploymentStatus.ROLLED_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.zerotorunning.wander.JsonMapping;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeploymentTest {
  private static final ObjectMapper JSON =
      JsonMapping.configure(JsonMapper.builder().addModule(new JavaTimeModule()).build());

  @Test
  void byHandEveryStatusOffersItsNextSteps() {
    assertThat(manual(PENDING).allowedTransitions()).containsExactly(IN_PROGRESS);
    assertThat(manual(IN_PROGRESS).allowedTransitions()).containsExactly(COMPLETED, FAILED);
    assertThat(manual(COMPLETED).allowedTransitions()).containsExactly(ROLLED_BACK);
  }

  @Test
  void finalStatusesOfferNothing() {
    assertThat(manual(FAILED).allowedTransitions()).isEmpty();
    assertThat(manual(ROLLED_BACK).allowedTransitions()).isEmpty();
    assertThat(automated(FAILED).allowedTransitions()).isEmpty();
  }

  @Test
  void nothingWhileAWorkerOwnsIt() {
    assertThat(automated(PENDING).allowedTransitions()).isEmpty();
    assertThat(automated(IN_PROGRESS).allowedTransitions()).isEmpty();
    // Once the worker is done, a completed rollout may still be rolled back by hand.
    assertThat(automated(COMPLETED).allowedTransitions()).containsExactly(ROLLED_BACK);
  }

  @Test
  void sentButNotReadBack() throws Exception {
    Deployment deployment = manual(IN_PROGRESS);
    JsonNode json = JSON.valueToTree(deployment);
    assertThat(json.get("allowed_transitions").toString()).isEqualTo("[\"completed\",\"failed\"]");
    // The cache stores this JSON and reads it back: the derived field must not get in the way.
    assertThat(JSON.treeToValue(json, Deployment.class)).isEqualTo(deployment);
  }

  private static Deployment manual(DeploymentStatus status) {
    return deployment(status, false);
  }

  private static Deployment automated(DeploymentStatus status) {
    return deployment(status, true);
  }

  private static Deployment deployment(DeploymentStatus status, boolean automated) {
    return new Deployment(
        7,
        new Ref(1, "api"),
        new Ref(2, "staging"),
        "v1.2.3",
        status,
        "someone@example.com",
        Instant.parse("2026-01-02T03:04:05Z"),
        null,
        null,
        automated);
  }
}
