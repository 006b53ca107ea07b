package dev.zerotorunning.stack.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service container as {@code docker inspect} shows it.
 *
 * @param number Compose's container number (worker-1, worker-2, ...)
 * @param health the health status, empty when the container has no health check
 * @param ports each published container port ("8080/tcp") and its host ports, sorted by key
 */
public record Container(
    String id,
    String service,
    int number,
    String name,
    String hostname,
    String status,
    Optional<String> health,
    Instant startedAt,
    Instant finishedAt,
    int exitCode,
    List<Probe> healthLog,
    Map<String, List<String>> ports,
    String configHash,
    String imageId,
    String image) {

  public boolean running() {
    return status.equals("running");
  }

  /** The status, with the exit code when it exited: "exited(1)". */
  public String state() {
    return status.equals("exited") ? "exited(" + exitCode + ")" : status;
  }

  /** Running, and healthy when it has a health check. */
  public boolean up() {
    return running() && health.map("healthy"::equals).orElse(true);
  }

  /** Each published container port ("8080/tcp") and its first host port, in key order. */
  public Map<String, String> firstHostPorts() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    ports.forEach((k, v) -> v.stream().findFirst().ifPresent(h -> m.put(k, h)));
    return m;
  }

  /** The host port a container port ("3000") is published on. */
  public Optional<String> hostPort(String containerPort) {
    return ports.entrySet().stream()
        .filter(e -> e.getKey().split("/")[0].equals(containerPort))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }
}
