package dev.zerotorunning.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.DeploymentsSnapshot;
import dev.zerotorunning.scenarios.support.Make;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** make reset-db while the stack is up: exactly the seed again, and the cache flushed. */
@Tag("e2e")
class ResetDbTest {
  private static final StackUnderTest STACK = StackUnderTest.fromEnvironment();
  private static final Make MAKE = new Make(STACK);
  private static final Api API = new Api(STACK.web());

  @Test
  void resetDbRestoresExactlyTheSeedAndFlushesTheCache() {
    MAKE.succeed("stack up", "reset-db");
    DeploymentsSnapshot seed = deployments();
    assertThat(seed.rows()).as("the seed's deployments").isNotEmpty();

    Rollouts rollouts = new Rollouts(API);
    long created = rollouts.request("frontend", "staging", "v9.9.9");
    // finished, so that no write of the worker invalidates the cache between the two reads below
    rollouts.awaitFinished(Duration.ofSeconds(120), List.of(created));
    assertThat(deployments()).as("the data after a POST").isNotEqualTo(seed);
    API.get("/api/stats");
    assertThat(API.get("/api/stats").header("X-Cache"))
        .as("stats cached before the reset")
        .hasValue("HIT");

    MAKE.succeed("stack up, data written", "reset-db");
    Api.Reply stats = API.get("/api/stats");
    assertThat(stats.status()).isEqualTo(200);
    assertThat(stats.header("X-Cache")).as("reset-db flushed the cache").hasValue("MISS");
    assertThat(API.get("/api/deployments/" + created).status())
        .as("the new deployment is gone")
        .isEqualTo(404);
    assertThat(deployments()).as("exactly the seed again").isEqualTo(seed);
  }

  /** The count and the deployments, without ids and timestamps (the seed's are relative to now). */
  private static DeploymentsSnapshot deployments() {
    return DeploymentsSnapshot.take(API, "/api/deployments?limit=100");
  }
}
