package dev.zerotorunning.stack.summary;

import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.HealthEvent;
import dev.zerotorunning.stack.model.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long a container took from its start to its first passing health check. Docker keeps the last
 * five probes only, and after a restart the log still holds the probes of the run before.
 */
final class HealthTiming {
  private static final int LOG_SIZE = 5;

  private HealthTiming() {}

  static Optional<Duration> toHealthy(Container c, List<HealthEvent> events) {
    List<Probe> log = c.healthLog();
    for (int i = 0; i < log.size(); i++) {
      Probe p = log.get(i);
      if (p.end().isBefore(c.startedAt())) {
        continue; // a probe of the run before a restart
      }
      if (p.exitCode() != 0) {
        continue;
      }
      if (i == 0 && log.size() >= LOG_SIZE) {
        // A full log that starts with a pass: the first pass may have been dropped. The recorded
        // events tell when it turned healthy, else the moment is unknown.
        return events.stream()
            .filter(e -> e.container().equals(c.name()) && e.status().equals("healthy"))
            .filter(e -> !e.time().isBefore(c.startedAt()))
            .map(e -> Duration.between(c.startedAt(), e.time()))
            .findFirst();
      }
      return Optional.of(Duration.between(c.startedAt(), p.end()));
    }
    return Optional.empty();
  }
}
