package dev.zerotorunning.k8s.model;

import java.util.Map;
import java.util.Optional;

/**
 * One deployment environment beyond the local cluster (top-level {@code
 * x-k8s.environments.<name>}), written as the kustomize overlay {@code overlays/<name>} over the
 * generated base.
 *
 * @param name the overlay's directory name ("staging", "production")
 * @param host the published service's Ingress host; no Ingress without one
 * @param tlsSecret the Secret holding the host's certificate (made by cert-manager or by hand)
 * @param ingressClass spec.ingressClassName of the Ingress
 * @param registry where the environment pulls the images this project builds (kustomize images:)
 * @param sizes per service: replicas, requests, limits and autoscaling
 */
public record Environment(
    String name,
    Optional<String> host,
    Optional<String> tlsSecret,
    Optional<String> ingressClass,
    Optional<String> registry,
    Map<String, Sizing> sizes) {

  /**
   * @param replicas fixed replica count (the HorizontalPodAutoscaler's minimum when it autoscales)
   * @param requests container resource requests ({@code cpu}, {@code memory})
   * @param limits container resource limits
   * @param autoscale a HorizontalPodAutoscaler between min and max replicas on CPU use
   */
  public record Sizing(
      Optional<Integer> replicas,
      Map<String, String> requests,
      Map<String, String> limits,
      Optional<Autoscale> autoscale) {}

  /**
   * @param min minimum replicas
   * @param max maximum replicas
   * @param cpuPercent target average CPU use, in percent of the request
   */
  public record Autoscale(int min, int max, int cpuPercent) {}
}
