package dev.zerotorunning.scenarios.chaos;

import static dev.zerotorunning.scenarios.chaos.Chaos.hold;
import static dev.zerotorunning.scenarios.chaos.Chaos.now;
import static dev.zerotorunning.scenarios.chaos.Chaos.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zerotorunning.scenarios.support.Load;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Redis stopped for 10 s under read load: every read still answers (X-Cache BYPASS, from
 * PostgreSQL), the cache serves HITs again once Redis is back, and the API does not restart.
 */
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageTest {
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  private final Chaos chaos = new Chaos();
  private String lifeBefore;
  private String lifeAfter;
  private long stopped;
  private long started;
  private Optional<Long> firstHit = Optional.empty();
  private List<Load.Sample> probe;
  private Load.Tally load;

  @BeforeAll
  void redisStoppedUnderReadLoad() {
    chaos.awaitStackHealthy();
    chaos.api.get("/deployments?limit=20");
    lifeBefore = chaos.life("api");
    // A probe that keeps a timeline over the cached reads, and bounded load on the list.
    Load prober =
        Load.get(
                uri("/deployments?limit=20"), uri("/services"), uri("/stats"), uri("/environments"))
            .duration(Duration.ofSeconds(45))
            .pause(Duration.ofMillis(40))
            .timeout(Duration.ofSeconds(5))
            .start();
    Load reads =
        Load.get(uri("/deployments?limit=20"))
            .connections(2)
            .duration(Duration.ofSeconds(20))
            .start();
    long stopping;
    try {
      hold(Duration.ofSeconds(3));
      stopping = now();
      chaos.compose.run("stop", "redis").outOrFail();
      stopped = now(); // reads may still hit the cache while Redis shuts down
      hold(OUTAGE);
      started = now();
    } finally {
      chaos.compose.run("start", "redis").outOrFail();
    }
    chaos.compose.awaitHealthy("redis", Duration.ofSeconds(30));
    try { // the first HIT after the restart (the probe revisits each URL)
      firstHit =
          Optional.of(
              await("a cache HIT after Redis is back")
                  .atMost(Duration.ofSeconds(20))
                  .pollInterval(Duration.ofMillis(200))
                  .until(() -> firstHitAfter(prober.samples(), started), Optional::isPresent)
                  .orElseThrow());
    } catch (ConditionTimeoutException none) {
      firstHit = Optional.empty();
    }
    probe = prober.stop();
    reads.await();
    load = reads.tally();
    lifeAfter = chaos.life("api");
    Load.Tally probed = Load.Tally.of(probe);
    Chaos.say("probe: " + probed + "; load: " + load);
    Summary.add(
        "redis outage",
        "compose stop redis (%s), %s down under GET load, start"
            .formatted(secs(stopped - stopping), secs(OUTAGE.toMillis())),
        probed.requests() + load.requests(),
        String.valueOf(probed.failures() + load.failures()),
        firstHit.map(t -> "first HIT " + secs(t - started) + " after start").orElse("no HIT"));
  }

  private java.net.URI uri(String path) {
    return chaos.api.resolve(path);
  }

  private static Optional<Long> firstHitAfter(List<Load.Sample> samples, long since) {
    return samples.stream()
        .filter(s -> s.startMs() > since && s.cache().equals("HIT"))
        .map(Load.Sample::startMs)
        .findFirst();
  }

  @Test
  void everyReadAnsweredWhileRedisWasDown() {
    List<Load.Sample> failed = probe.stream().filter(Load.Sample::failed).toList();
    assertThat(failed)
        .as("failed probe reads (probe: %s; load: %s)", Load.Tally.of(probe), load)
        .isEmpty();
    assertThat(load.failures()).as("failed reads under load: %s", load).isZero();
  }

  @Test
  void everyReadWhileDownBypassedTheCache() {
    List<Load.Sample> whileDown = probe.stream().filter(s -> s.within(stopped, started)).toList();
    assertThat(whileDown).as("probe reads while Redis was down").isNotEmpty();
    assertThat(whileDown)
        .as("probe reads while Redis was down that were not X-Cache BYPASS")
        .filteredOn(s -> !s.cache().equals("BYPASS"))
        .isEmpty();
    assertThat(load.bypass()).as("BYPASS answers under load: %s", load).isPositive();
  }

  @Test
  void cacheHitsAgainOnceRedisIsBack() {
    assertThat(firstHit).as("an X-Cache HIT after redis started again").isPresent();
  }

  @Test
  void apiDidNotRestart() {
    assertThat(lifeAfter).as("the api container's start and restart count").isEqualTo(lifeBefore);
  }
}
