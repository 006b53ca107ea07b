package dev.zerotorunning.k8s.model;

import java.util.List;
import java.util.Optional;

/**
 * What a service's image needs to run hardened in the staging and production overlays ({@code
 * x-k8s.run-as-user}, {@code x-k8s.writable}): a read-only root filesystem gets a writable {@code
 * emptyDir} at each of {@code writable}, and {@code runAsNonRoot} needs a numeric user when the
 * image's own is root or a name.
 *
 * @param runAsUser numeric user (and group) the containers run as
 * @param writable paths the image writes to besides its volumes (/tmp is always writable)
 */
public record Hardening(Optional<Long> runAsUser, List<String> writable) {

  public static Hardening none() {
    return new Hardening(Optional.empty(), List.of());
  }
}
