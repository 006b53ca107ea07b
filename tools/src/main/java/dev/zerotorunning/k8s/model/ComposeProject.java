package dev.zerotorunning.k8s.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The neutral model: everything the Kubernetes stage needs from a compose file, already
 * interpolated and normalised, with no YAML or Compose syntax left in it.
 *
 * @param name compose project name (top-level {@code name:} or the directory name)
 * @param sourceName the compose file's name as given, used only in generated-file headers
 * @param projectDir directory relative paths (bind mounts, env_file) are resolved against
 * @param services services in name order, so every later stage is deterministic for free
 * @param volumes top-level named volumes by name
 * @param secrets top-level secrets by name
 * @param configs top-level configs by name
 * @param settings top-level {@code x-k8s} settings
 * @param diagnostics everything the loader could not map, per service
 */
public record ComposeProject(
    String name,
    String sourceName,
    Path projectDir,
    List<ComposeService> services,
    Map<String, NamedVolume> volumes,
    Map<String, ProjectFile> secrets,
    Map<String, ProjectFile> configs,
    ProjectSettings settings,
    Diagnostics diagnostics) {

  /** The same project with other services and volumes (a build-stage rewrite). */
  public ComposeProject with(
      List<ComposeService> newServices, Map<String, NamedVolume> newVolumes) {
    return new ComposeProject(
        name,
        sourceName,
        projectDir,
        newServices,
        newVolumes,
        secrets,
        configs,
        settings,
        diagnostics);
  }

  public Optional<ComposeService> service(String serviceName) {
    return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
  }

  /** Namespace every object goes to: {@code x-k8s.namespace} or the project name. */
  public String namespace() {
    return settings.namespace().orElse(Names.dnsLabel(name));
  }
}
