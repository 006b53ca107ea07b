package dev.zerotorunning.stack.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.HealthEvent;
import dev.zerotorunning.stack.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Time from a container's start to its first passing probe, from a five-entry health log. */
class HealthTimingTest {
  static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

  static Container container(Instant started, List<Probe> log) {
    return new Container(
        "id",
        "api",
        1,
        "p-api-1",
        "host",
        "running",
        Optional.of("healthy"),
        started,
        Instant.EPOCH,
        0,
        log,
        Map.of(),
        "hash",
        "sha256:1",
        "api:dev");
  }

  static Probe probe(int code, long secondsAfterStart) {
    return new Probe(code, START.plusSeconds(secondsAfterStart), "");
  }

  @Test
  void theFirstPassAfterFailures() {
    Container c = container(START, List.of(probe(4, 1), probe(4, 2), probe(0, 3)));
    assertEquals(Optional.of(Duration.ofSeconds(3)), HealthTiming.toHealthy(c, List.of()));
  }

  @Test
  void probesFromBeforeARestartAreSkipped() {
    // restarted at +30s: four passes of the run before, then the new run's first pass
    Container c =
        container(
            START.plusSeconds(30),
            List.of(probe(0, 1), probe(0, 11), probe(0, 21), probe(0, 29), probe(0, 32)));
    assertEquals(Optional.of(Duration.ofSeconds(2)), HealthTiming.toHealthy(c, List.of()));
  }

  @Test
  void aFullLogStartingWithAPassNeedsTheEvents() {
    Container c =
        container(
            START, List.of(probe(0, 40), probe(0, 50), probe(0, 60), probe(0, 70), probe(0, 80)));
    assertEquals(Optional.empty(), HealthTiming.toHealthy(c, List.of()));
    List<HealthEvent> events =
        List.of(
            new HealthEvent("p-api-1", START.minusSeconds(100), "healthy"), // an earlier run
            new HealthEvent("other-1", START.plusSeconds(1), "healthy"),
            new HealthEvent("p-api-1", START.plusSeconds(7), "healthy"));
    assertEquals(Optional.of(Duration.ofSeconds(7)), HealthTiming.toHealthy(c, events));
  }

  @Test
  void noPassYetIsUnknown() {
    Container c = container(START, List.of(probe(4, 1), probe(8, 2)));
    assertEquals(Optional.empty(), HealthTiming.toHealthy(c, List.of()));
  }

  @Test
  void durationsAsTheSummaryPrintsThem() {
    assertEquals("12.3s", Durations.tenths(Duration.ofMillis(12_399)));
    assertEquals("0.0s", Durations.tenths(Duration.ofMillis(99)));
    assertEquals("42s", Durations.age(Duration.ofSeconds(42)));
    assertEquals("1m15s", Durations.age(Duration.ofSeconds(75)));
  }
}
