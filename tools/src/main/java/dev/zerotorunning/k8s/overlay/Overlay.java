package dev.zerotorunning.k8s.overlay;

import dev.zerotorunning.k8s.build.KubeObject;
import java.util.Map;

/**
 * One environment's kustomize overlay over the generated base, still as objects.
 *
 * @param name the environment, and the directory under {@code overlays/}
 * @param kustomization kustomization.yaml content
 * @param objects objects the overlay adds (autoscalers, disruption budgets, network policies, the
 *     Ingress)
 * @param patches strategic-merge patches of base objects, by file name
 */
public record Overlay(
    String name,
    Map<String, Object> kustomization,
    java.util.List<KubeObject> objects,
    Map<String, Map<String, Object>> patches) {

  /** Where overlays live, relative to the base. */
  public static final String DIR = "overlays/";

  /** Patch files start with this, so the validators tell them from whole objects. */
  public static final String PATCH_PREFIX = "patch-";
}
