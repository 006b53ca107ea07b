package dev.zerotorunning.wander.core;

import static dev.zerotorunning.wander.core.DeploymentStatus.COMPLETED;
import static dev.zerotorunning.wander.core.DeploymentStatus.FAILED;
import static dev.zerotorunning.wander.core.DeploymentStatus.IN_PROGRESS;
import static dev.zerotorunning.wander.core.DeploymentStatus.PENDING;
import static dev.zerotorunning.wander.core.DeploymentStatus.ROLLED_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeploymentStatusTest {
  @Test
  void onlyTheDocumentedTransitionsAreLegal() {
    assertThat(PENDING.nextStatuses()).containsExactly(IN_PROGRESS);
    assertThat(IN_PROGRESS.nextStatuses()).containsExactlyInAnyOrder(COMPLETED, FAILED);
    assertThat(COMPLETED.nextStatuses()).containsExactly(ROLLED_BACK);
    assertThat(FAILED.nextStatuses()).isEmpty();
    assertThat(ROLLED_BACK.nextStatuses()).isEmpty();
    assertThat(PENDING.canMoveTo(COMPLETED)).isFalse();
  }

  @Test
  void wireNamesRoundTrip() {
    for (DeploymentStatus status : DeploymentStatus.values()) {
      assertThat(DeploymentStatus.fromWireName(status.wireName())).contains(status);
    }
    assertThat(IN_PROGRESS.wireName()).isEqualTo("in_progress");
    assertThat(DeploymentStatus.fromWireName("IN_PROGRESS")).isEmpty();
  }
}
