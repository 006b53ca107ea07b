package dev.zerotorunning.scenarios.chaos;

import static dev.zerotorunning.scenarios.chaos.Chaos.hold;
import static dev.zerotorunning.scenarios.chaos.Chaos.now;
import static dev.zerotorunning.scenarios.chaos.Chaos.secs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Load;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL restarted under load on reads by id (never cached: each needs the database): every
 * failed request is a 503 with the JSON error body, failures fall only inside the outage (none
 * before the restart, none once a request succeeded after the database was healthy again: the pool
 * validates its connections), the API answers again, and it does not restart. How long recovery
 * took is measured for the summary, never asserted.
 */
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRestartTest {
  /**
   * How long the probe goes on after PostgreSQL reports healthy (a scenario length, not a limit).
   */
  private static final Duration AFTER_HEALTHY = Duration.ofSeconds(8);

  private final Chaos chaos = new Chaos();
  private String lifeBefore;
  private String lifeAfter;
  private long restarted;
  private long healthy;
  private List<Load.Sample> probed;
  private List<Load.Sample> probeFailures;
  private Load.Tally probe;
  private Load.Tally load;

  @BeforeAll
  void postgresRestartedUnderLoad() {
    chaos.awaitStackHealthy();
    List<URI> byId = new ArrayList<>();
    for (JsonNode d : chaos.api.get("/deployments?limit=3").json().path("data")) {
      byId.add(chaos.api.resolve("/deployments/" + d.path("id").asLong()));
    }
    lifeBefore = chaos.life("api");
    Load prober =
        Load.get(byId.toArray(URI[]::new))
            .duration(Duration.ofSeconds(60))
            .pause(Duration.ofMillis(40))
            .timeout(Duration.ofSeconds(5))
            .start();
    Load reads = Load.get(byId.get(0)).connections(2).duration(Duration.ofSeconds(20)).start();
    hold(Duration.ofSeconds(3));
    restarted = now();
    chaos.compose.run("restart", "db").outOrFail();
    chaos.compose.awaitHealthy("db", Duration.ofSeconds(60));
    healthy = now();
    hold(AFTER_HEALTHY); // still under load
    probed = prober.stop();
    reads.await();
    probe = Load.Tally.of(probed);
    load = reads.tally();
    probeFailures = probed.stream().filter(Load.Sample::failed).toList();
    lifeAfter = chaos.life("api");
    Chaos.say("probe: " + probe + "; load: " + load);
    String spread =
        probeFailures.isEmpty()
            ? ""
            : ", probe saw them over " + secs(lastFailureEnd() - firstFailureStart());
    Summary.add(
        "postgres restart",
        "compose restart db under GET-by-id load (db healthy after %s)"
            .formatted(secs(healthy - restarted)),
        probe.requests() + load.requests(),
        "%d (all 503%s)".formatted(probe.failures() + load.failures(), spread),
        secs(recovery()) + " after db healthy");
  }

  private long lastFailureEnd() {
    return probeFailures.stream().mapToLong(Load.Sample::endMs).max().orElse(0);
  }

  private long firstFailureStart() {
    return probeFailures.stream().mapToLong(Load.Sample::startMs).min().orElse(0);
  }

  /** From PostgreSQL healthy to the end of the last failed probe request (0: none after it). */
  private long recovery() {
    return Math.max(0, lastFailureEnd() - healthy);
  }

  @Test
  void everyFailureIsA503WithTheErrorBody() {
    assertThat(probeFailures)
        .as("probe failures that are not a 503 with the JSON error body (probe: %s)", probe)
        .filteredOn(s -> s.status() != 503 || !s.wellFormed())
        .isEmpty();
    assertThat(load.s5xx()).as("5xx under load that are not 503: %s", load).isEqualTo(load.s503());
    assertThat(load.malformed()).as("answers under load not well formed: %s", load).isZero();
    assertThat(load.s4xx()).as("4xx under load: %s", load).isZero();
    assertThat(load.transportErrors()).as("transport errors under load: %s", load).isZero();
  }

  @Test
  void errorsOnlyDuringTheOutage() {
    assertThat(probeFailures)
        .as("probe failures before the restart")
        .filteredOn(s -> s.endMs() < restarted)
        .isEmpty();
    long recoveredAt = firstSuccessAfterHealthy().orElse(Long.MAX_VALUE);
    assertThat(probeFailures)
        .as(
            "probe failures after a request had succeeded again (db healthy at %d, success at %d)",
            healthy, recoveredAt)
        .filteredOn(s -> s.startMs() > recoveredAt)
        .isEmpty();
  }

  @Test
  void apiAnswersAgainAfterDbHealthy() {
    assertThat(firstSuccessAfterHealthy())
        .as("a probe request that started after db healthy and succeeded (%s)", probe)
        .isPresent();
  }

  /** When the first probe request that started after PostgreSQL was healthy again succeeded. */
  private OptionalLong firstSuccessAfterHealthy() {
    return probed.stream()
        .filter(s -> s.startMs() >= healthy && !s.failed())
        .mapToLong(Load.Sample::endMs)
        .min();
  }

  @Test
  void apiDidNotRestart() {
    assertThat(lifeAfter)
        .as("the api container's start and restart count (the pool validates connections)")
        .isEqualTo(lifeBefore);
  }
}
