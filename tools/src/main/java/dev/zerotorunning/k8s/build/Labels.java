package dev.zerotorunning.k8s.build;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recommended {@code app.kubernetes.io/*} labels; the selector uses the two that never change.
 */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Our tool's name as it appears in managed-by; fixed so output never depends on a version. */
  public static final String MANAGER = "k8s-gen";

  private final String project;

  public Labels(String project) {
    this.project = project;
  }

  public Map<String, String> of(String name, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, name);
    labels.put(COMPONENT, component);
    labels.put(PART_OF, project);
    labels.put(MANAGED_BY, MANAGER);
    return labels;
  }

  /** Metadata of a namespaced object that belongs to service {@code owner}. */
  public V1ObjectMeta meta(String name, String namespace, String owner, String component) {
    return new V1ObjectMeta().name(name).namespace(namespace).labels(of(owner, component));
  }

  public Map<String, String> selector(String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, name);
    labels.put(PART_OF, project);
    return labels;
  }
}
