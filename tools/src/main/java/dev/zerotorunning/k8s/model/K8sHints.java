package dev.zerotorunning.k8s.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes-only wishes for one service: the kompose labels users already know, merged with our
 * {@code x-k8s} extension (which wins when both say something).
 *
 * @param controller "deployment", "statefulset" or "job" (kompose.controller.type / x-k8s.kind)
 * @param serviceType "ClusterIP", "NodePort", "LoadBalancer" or "Headless" (kompose.service.type)
 * @param exposeHosts Ingress hosts ("" = any host) from kompose.service.expose
 * @param ingressClass kompose.service.expose.ingress-class-name
 * @param nodePort kompose.service.nodeport.port / x-k8s.node-port
 * @param imagePullPolicy kompose.image-pull-policy / x-k8s.image-pull-policy
 * @param volumeSize kompose.volume.size / x-k8s.volume-size (PVC request)
 * @param storageClass kompose.volume.storage-class-name / x-k8s.storage-class
 * @param readiness kompose.service.healthcheck.readiness.* overrides
 * @param liveness kompose.service.healthcheck.liveness.* overrides
 * @param component app.kubernetes.io/component value (x-k8s.component)
 * @param secretKeys environment keys to treat as secret even if they do not look like one
 * @param plainKeys environment keys to keep in the ConfigMap even if they look secret
 * @param waitImage image for the wait-for init containers (default: the service's own image)
 * @param podAnnotations x-k8s.annotations, copied to the pod template
 * @param hardening x-k8s.run-as-user and x-k8s.writable, for the hardened overlays
 */
public record K8sHints(
    Optional<String> controller,
    Optional<String> serviceType,
    List<String> exposeHosts,
    Optional<String> ingressClass,
    Optional<Integer> nodePort,
    Optional<String> imagePullPolicy,
    Optional<String> volumeSize,
    Optional<String> storageClass,
    ProbeOverride readiness,
    ProbeOverride liveness,
    Optional<String> component,
    Set<String> secretKeys,
    Set<String> plainKeys,
    Optional<String> waitImage,
    Map<String, String> podAnnotations,
    Hardening hardening) {

  public static K8sHints none() {
    return new K8sHints(
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ProbeOverride.none(),
        ProbeOverride.none(),
        Optional.empty(),
        Set.of(),
        Set.of(),
        Optional.empty(),
        Map.of(),
        Hardening.none());
  }
}
