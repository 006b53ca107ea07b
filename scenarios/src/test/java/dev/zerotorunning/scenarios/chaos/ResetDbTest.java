package dev.zerotorunning.scenarios.chaos;

import static dev.zerotorunning.scenarios.chaos.Chaos.hold;
import static dev.zerotorunning.scenarios.chaos.Chaos.now;
import static dev.zerotorunning.scenarios.chaos.Chaos.secs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.scenarios.support.Command;
import dev.zerotorunning.scenarios.support.DeploymentsSnapshot;
import dev.zerotorunning.scenarios.support.Load;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * make reset-db while the dashboard polls through its own origin: no 500s, every answer JSON; the
 * cache is flushed; exactly the seed comes back (compared with what a first reset-db left, so the
 * scenario does not depend on what ran before it).
 */
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResetDbTest {
  private static final String LIST = "/deployments?limit=100";

  private final Chaos chaos = new Chaos();
  private DeploymentsSnapshot seed;
  private Command.Result reset;
  private String cachedBefore;
  private List<Load.Sample> polls;
  private String cacheAfter;
  private DeploymentsSnapshot after;
  private String rowsAfter;

  @BeforeAll
  void resetDbWhileTheDashboardPolls() {
    chaos.awaitStackHealthy();
    // Flyway's clean and a rollout's transaction can deadlock (PostgreSQL then aborts the reset):
    // the scenario is about the dashboard's polls, so it starts when no rollout runs.
    chaos.awaitRolloutsFinished(Duration.ofMinutes(5));
    chaos.make("reset-db").outOrFail();
    seed = chaos.deployments();
    chaos.api.get(LIST);
    cachedBefore = chaos.api.get(LIST).header("X-Cache").orElse("-"); // HIT before the reset
    if (!cachedBefore.equals("HIT")) {
      Chaos.say("! the list is not cached before the reset (X-Cache " + cachedBefore + ")");
    }
    // What the dashboard polls, through its origin (the dev server's /api proxy).
    Load pollerA = poller("/api/health", "/api/deployments?limit=20", "/api/stats");
    Load pollerB =
        poller("/api/services", "/api/environments", "/api/deployments?limit=20&status=failed");
    hold(Duration.ofSeconds(2));
    long t0 = now();
    reset = chaos.make("reset-db");
    long took = now() - t0;
    hold(Duration.ofSeconds(3));
    polls = new ArrayList<>(pollerA.stop());
    polls.addAll(pollerB.stop());
    cacheAfter = chaos.api.get(LIST).header("X-Cache").orElse("-");
    after = chaos.deployments();
    rowsAfter = chaos.sql("select count(*) from deployments");
    Load.Tally tally = Load.Tally.of(polls);
    List<Load.Sample> failed = polls.stream().filter(Load.Sample::failed).toList();
    long window =
        failed.stream().mapToLong(Load.Sample::endMs).max().orElse(0)
            - failed.stream().mapToLong(Load.Sample::startMs).min().orElse(0);
    Summary.add(
        "reset-db while polling",
        "make reset-db (%s) while 2 pollers read via the dashboard origin".formatted(secs(took)),
        tally.requests(),
        "%d (%d x 500)"
            .formatted(tally.failures(), polls.stream().filter(s -> s.status() == 500).count()),
        failed.isEmpty() ? "nothing to recover" : "failed polls over " + secs(window));
  }

  private Load poller(String... paths) {
    URI[] urls = new URI[paths.length];
    for (int i = 0; i < paths.length; i++) {
      urls[i] = chaos.web.resolve(paths[i]);
    }
    return Load.get(urls)
        .duration(Duration.ofSeconds(120))
        .pause(Duration.ofMillis(40))
        .timeout(Duration.ofSeconds(5))
        .start();
  }

  @Test
  void resetDbSucceeded() {
    assertThat(reset.exitCode()).as("make reset-db: %s", reset.err() + reset.out()).isZero();
  }

  @Test
  void everyPollAnsweredJsonAndNone500() {
    assertThat(polls).as("polls (%s)", Load.Tally.of(polls)).isNotEmpty();
    assertThat(polls).as("polls answered 500").filteredOn(s -> s.status() == 500).isEmpty();
    assertThat(polls)
        .as("polls whose answer was not JSON (data, or the error body of its status)")
        .filteredOn(s -> !s.wellFormed())
        .isEmpty();
  }

  @Test
  void theCacheWasFlushed() {
    assertThat(cacheAfter).as("X-Cache of the list cached before the reset").isEqualTo("MISS");
  }

  @Test
  void exactlyTheSeedCameBack() {
    assertThat(seed.count()).as("deployments in the seed").isGreaterThanOrEqualTo(30);
    assertThat(after).as("the deployments after make reset-db").isEqualTo(seed);
    assertThat(rowsAfter)
        .as("rows in PostgreSQL's deployments table")
        .isEqualTo(String.valueOf(seed.count()));
  }
}
