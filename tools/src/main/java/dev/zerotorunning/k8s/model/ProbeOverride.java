package dev.zerotorunning.k8s.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * kompose's {@code kompose.service.healthcheck.readiness.*} / {@code .liveness.*} labels: any field
 * set here replaces what the compose healthcheck would give that probe.
 */
public record ProbeOverride(
    boolean disable,
    Optional<List<String>> exec,
    Optional<String> httpGetPath,
    Optional<Integer> httpGetPort,
    Optional<Integer> tcpPort,
    Optional<Duration> interval,
    Optional<Duration> timeout,
    Optional<Integer> retries,
    Optional<Duration> startPeriod) {

  public static ProbeOverride none() {
    return new ProbeOverride(
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public boolean hasAction() {
    return exec.isPresent() || httpGetPath.isPresent() || tcpPort.isPresent();
  }

  public boolean isEmpty() {
    return equals(none());
  }
}
