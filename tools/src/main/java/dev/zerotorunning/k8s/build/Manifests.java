package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.ProjectFile;
import java.util.List;
import java.util.Map;

/**
 * Stage 2 result: everything the writer emits, still as objects.
 *
 * @param objects every object of the kustomize base, in file-name order
 * @param tasks on-demand Jobs (x-k8s.tasks) kept out of the base, by task name
 * @param kustomization kustomization.yaml content
 * @param kindConfig kind-config.yaml content
 * @param secretKeys per service, the environment keys that go to its generated Secret
 * @param secretFiles compose secrets services mount, by file name under secrets/files/
 * @param namespace the namespace every object lives in
 * @param diagnostics loader and builder findings
 */
public record Manifests(
    List<KubeObject> objects,
    Map<String, KubeObject> tasks,
    Map<String, Object> kustomization,
    Map<String, Object> kindConfig,
    Map<String, List<String>> secretKeys,
    Map<String, ProjectFile> secretFiles,
    String namespace,
    Diagnostics diagnostics) {

  /**
   * Where a service's secret values are written at apply time (git-ignored), relative to the base.
   */
  public static String secretEnvFile(String service) {
    return "secrets/" + service + ".env";
  }

  /**
   * Where a compose secret's value is written at apply time (git-ignored), relative to the base.
   */
  public static String secretFile(String key) {
    return "secrets/files/" + key;
  }

  public static String secretName(String service) {
    return service + "-secrets";
  }
}
