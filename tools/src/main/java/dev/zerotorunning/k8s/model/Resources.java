package dev.zerotorunning.k8s.model;

import java.util.Optional;

/**
 * {@code deploy.resources}, already in Kubernetes quantity notation ("500m", "256Mi"). Limits map
 * to limits, reservations to requests.
 */
public record Resources(
    Optional<String> cpuLimit,
    Optional<String> memoryLimit,
    Optional<String> cpuRequest,
    Optional<String> memoryRequest) {

  public static Resources none() {
    return new Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return cpuLimit.isEmpty()
        && memoryLimit.isEmpty()
        && cpuRequest.isEmpty()
        && memoryRequest.isEmpty();
  }
}
