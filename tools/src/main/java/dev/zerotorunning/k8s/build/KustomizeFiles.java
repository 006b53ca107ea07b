package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** kustomization.yaml and kind-config.yaml, as plain maps (they are not Kubernetes API objects). */
final class KustomizeFiles {
  private KustomizeFiles() {}

  /**
   * The base: every object file, plus one secretGenerator per service with secret-looking variables
   * and one per compose secret a service mounts ({@link FileGrants}). Its values come from {@code
   * secrets/<service>.env}, written from {@code .env} by {@code make k8s-up} just before {@code
   * kubectl apply -k} and git-ignored, so no secret value is ever committed. Name hashing is off so
   * the on-demand task Jobs (applied with {@code -f}) find the same Secret names.
   */
  static Map<String, Object> kustomization(
      ComposeProject project,
      String namespace,
      List<KubeObject> objects,
      Map<String, List<String>> secretKeys,
      List<Map<String, Object>> fileSecretGenerators,
      Labels labels,
      Function<ComposeService, String> component) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    k.put("namespace", namespace);
    k.put("resources", objects.stream().map(KubeObject::fileName).sorted().toList());
    List<Map<String, Object>> generators = new ArrayList<>();
    secretKeys.forEach(
        (service, keys) -> {
          Map<String, Object> options = new LinkedHashMap<>();
          options.put("disableNameSuffixHash", true);
          options.put(
              "labels",
              labels.of(service, component.apply(project.service(service).orElseThrow())));
          Map<String, Object> g = new LinkedHashMap<>();
          g.put("name", Manifests.secretName(service));
          g.put("envs", List.of(Manifests.secretEnvFile(service)));
          g.put("options", options);
          generators.add(g);
        });
    generators.addAll(fileSecretGenerators);
    if (!generators.isEmpty()) {
      k.put("secretGenerator", generators);
    }
    return k;
  }

  /**
   * One control-plane node; each published compose port is forwarded from 127.0.0.1 to its
   * NodePort.
   */
  static Map<String, Object> kindConfig(
      ComposeProject project, List<Map<String, Object>> portMappings) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("role", "control-plane");
    if (!portMappings.isEmpty()) {
      node.put("extraPortMappings", portMappings);
    }
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("apiVersion", "kind.x-k8s.io/v1alpha4");
    cfg.put("kind", "Cluster");
    cfg.put("name", project.settings().clusterName().orElse(project.namespace()));
    cfg.put("nodes", List.of(node));
    return cfg;
  }
}
