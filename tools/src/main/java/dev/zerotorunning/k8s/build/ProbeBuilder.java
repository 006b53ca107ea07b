package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.load.Units;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Healthcheck;
import dev.zerotorunning.k8s.model.ProbeOverride;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import java.time.Duration;
import java.util.Optional;

/**
 * Compose {@code healthcheck} to probes. Compose has one check that gates {@code depends_on};
 * Kubernetes splits that job in three, so the same command feeds:
 *
 * <ul>
 *   <li>readinessProbe: interval/timeout/retries as written (a Service routes only to ready pods,
 *       which is what {@code service_healthy} means to dependents);
 *   <li>startupProbe: allows {@code start_period} plus {@code retries} checks, polled at {@code
 *       start_interval} when given, like Compose's grace period;
 *   <li>livenessProbe: gentler (twice the interval, twice the retries), because Compose never
 *       restarts an unhealthy container and a restart must not be triggered by a brief dependency
 *       outage.
 * </ul>
 */
final class ProbeBuilder {
  private ProbeBuilder() {}

  static void apply(ComposeService s, V1Container container) {
    Optional<Healthcheck> hc = s.healthcheck();
    ProbeOverride readiness = s.hints().readiness();
    ProbeOverride liveness = s.hints().liveness();
    if (!readiness.disable() && (hc.isPresent() || readiness.hasAction())) {
      container.setReadinessProbe(probe(s, hc, readiness, 1, 1));
    }
    hc.ifPresent(h -> container.setStartupProbe(startup(h)));
    if (!liveness.disable() && (hc.isPresent() || liveness.hasAction())) {
      container.setLivenessProbe(probe(s, hc, liveness, 2, 2));
    }
  }

  private static V1Probe startup(Healthcheck h) {
    Duration period = h.startInterval().filter(i -> !h.startPeriod().isZero()).orElse(h.interval());
    int periodSeconds = Units.probeSeconds(period);
    long graceChecks =
        (h.startPeriod().toMillis() + periodSeconds * 1000L - 1) / (periodSeconds * 1000L);
    V1Probe probe =
        new V1Probe()
            .periodSeconds(periodSeconds)
            .timeoutSeconds(Units.probeSeconds(h.timeout()))
            .failureThreshold((int) graceChecks + h.retries());
    probe.setExec(new V1ExecAction().command(h.execCommand()));
    return probe;
  }

  /** A probe from the healthcheck, each field replaced by the kompose label override when set. */
  private static V1Probe probe(
      ComposeService s,
      Optional<Healthcheck> hc,
      ProbeOverride o,
      int periodFactor,
      int retriesFactor) {
    Duration interval =
        o.interval()
            .or(() -> hc.map(h -> h.interval().multipliedBy(periodFactor)))
            .orElse(Healthcheck.DEFAULT_INTERVAL);
    Duration timeout =
        o.timeout().or(() -> hc.map(Healthcheck::timeout)).orElse(Duration.ofSeconds(1));
    int retries =
        o.retries()
            .orElse(hc.map(h -> h.retries() * retriesFactor).orElse(Healthcheck.DEFAULT_RETRIES));
    V1Probe probe =
        new V1Probe()
            .periodSeconds(Units.probeSeconds(interval))
            .timeoutSeconds(Units.probeSeconds(timeout))
            .failureThreshold(retries);
    o.startPeriod().ifPresent(d -> probe.setInitialDelaySeconds((int) d.toSeconds()));
    if (o.exec().isPresent()) {
      probe.setExec(new V1ExecAction().command(o.exec().get()));
    } else if (o.httpGetPath().isPresent()) {
      int port = o.httpGetPort().orElseGet(() -> firstPort(s));
      probe.setHttpGet(
          new V1HTTPGetAction().path(o.httpGetPath().get()).port(new IntOrString(port)));
    } else if (o.tcpPort().isPresent()) {
      probe.setTcpSocket(new V1TCPSocketAction().port(new IntOrString(o.tcpPort().get())));
    } else {
      probe.setExec(new V1ExecAction().command(hc.orElseThrow().execCommand()));
    }
    return probe;
  }

  private static int firstPort(ComposeService s) {
    return s.containerPorts().stream()
        .findFirst()
        .map(p -> p.target())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    s.name()
                        + ": http_get_path probe label needs http_get_port or a container port"));
  }
}
