package dev.zerotorunning.stack.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service as {@code docker compose config} resolves it (interpolated: a replica count given by
 * a variable is a number here).
 *
 * @param dependsOn each dependency and its condition (service_healthy, ...)
 * @param replicas the configured container count (deploy.replicas, scale; else 1)
 * @param published the host ports it publishes (Compose lists a range port by port)
 */
public record ServiceConfig(
    String name,
    List<String> profiles,
    Map<String, String> dependsOn,
    Map<String, String> labels,
    int replicas,
    List<String> published) {

  /** The labels under this prefix say how make dev presents a service (compose.yaml). */
  public static final String LABEL_PREFIX = "dev.zerotorunning.";

  public Optional<String> devLabel(String key) {
    return Optional.ofNullable(labels.get(LABEL_PREFIX + key));
  }
}
