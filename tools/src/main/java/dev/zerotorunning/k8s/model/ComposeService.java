package dev.zerotorunning.k8s.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One compose service after interpolation and normalisation (short and long syntax both end here).
 *
 * @param entrypoint compose {@code entrypoint} (Kubernetes {@code command}); empty = image default
 * @param command compose {@code command} (Kubernetes {@code args}); empty = image default
 * @param environment {@code env_file} values overlaid by {@code environment}, in declaration order
 * @param restart compose restart policy as written ("no", "always", "on-failure:3", ...), or empty
 * @param replicas {@code deploy.replicas} or {@code scale}
 * @param labels compose labels minus the {@code kompose.*} ones (those are in {@code hints})
 * @param isolation shm_size, sysctls, security_opt
 * @param secrets {@code secrets:} mounted as files
 * @param configs {@code configs:} mounted as files
 */
public record ComposeService(
    String name,
    Optional<String> image,
    boolean hasBuild,
    List<String> entrypoint,
    List<String> command,
    Map<String, String> environment,
    List<PortMapping> ports,
    List<VolumeMount> volumes,
    List<Dependency> dependsOn,
    Optional<Healthcheck> healthcheck,
    Optional<String> user,
    boolean readOnly,
    boolean privileged,
    List<String> capAdd,
    List<String> capDrop,
    Optional<String> workingDir,
    Optional<String> restart,
    Optional<Integer> replicas,
    Resources resources,
    Optional<Duration> stopGracePeriod,
    boolean tty,
    boolean stdinOpen,
    Optional<String> pullPolicy,
    Map<String, String> labels,
    K8sHints hints,
    Isolation isolation,
    List<FileGrant> secrets,
    List<FileGrant> configs) {

  /** The same service with other ports (ports inferred from who dials it). */
  public ComposeService withPorts(List<PortMapping> newPorts) {
    return copy(newPorts, volumes);
  }

  /** The same service with other volumes (data bind mounts turned into claims). */
  public ComposeService withVolumes(List<VolumeMount> newVolumes) {
    return copy(ports, newVolumes);
  }

  private ComposeService copy(List<PortMapping> newPorts, List<VolumeMount> newVolumes) {
    return new ComposeService(
        name,
        image,
        hasBuild,
        entrypoint,
        command,
        environment,
        newPorts,
        newVolumes,
        dependsOn,
        healthcheck,
        user,
        readOnly,
        privileged,
        capAdd,
        capDrop,
        workingDir,
        restart,
        replicas,
        resources,
        stopGracePeriod,
        tty,
        stdinOpen,
        pullPolicy,
        labels,
        hints,
        isolation,
        secrets,
        configs);
  }

  /** Ports the container listens on: published targets plus {@code expose}, deduplicated. */
  public List<PortMapping> containerPorts() {
    return ports.stream()
        .filter(
            p -> ports.stream().filter(q -> q.sameContainerPort(p)).findFirst().orElseThrow() == p)
        .sorted(
            java.util.Comparator.comparingInt(PortMapping::target)
                .thenComparing(PortMapping::protocol))
        .toList();
  }

  public boolean hasPublishedPorts() {
    return ports.stream().anyMatch(p -> p.published().isPresent());
  }
}
