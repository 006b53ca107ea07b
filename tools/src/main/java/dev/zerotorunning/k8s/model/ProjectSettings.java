package dev.zerotorunning.k8s.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Top-level {@code x-k8s:} extension: what Compose cannot express but the cluster needs.
 *
 * @param namespace namespace for every object (default: project name)
 * @param clusterName kind cluster name written to kind-config.yaml (default: project name)
 * @param tasks named one-off commands run as Jobs on demand (e.g. reset-db), not part of the base
 * @param environments overlays beyond the local cluster, by name (x-k8s.environments)
 */
public record ProjectSettings(
    Optional<String> namespace,
    Optional<String> clusterName,
    List<Task> tasks,
    Map<String, Environment> environments) {

  /**
   * A command run on demand in a copy of {@code service}'s pod spec, like {@code docker compose
   * run}.
   */
  public record Task(String name, String service, List<String> command) {}

  public static ProjectSettings none() {
    return new ProjectSettings(Optional.empty(), Optional.empty(), List.of(), Map.of());
  }
}
