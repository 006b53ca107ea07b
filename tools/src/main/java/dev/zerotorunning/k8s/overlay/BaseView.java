package dev.zerotorunning.k8s.overlay;

import dev.zerotorunning.k8s.build.KubeObject;
import dev.zerotorunning.k8s.emit.SortedYaml;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generated base as the overlays see it: plain trees of the objects, read through small typed
 * accessors, so the overlay stage depends on the base's output and not on how it was built.
 */
public final class BaseView {
  /** A base object as a tree, with the paths the overlays read. */
  record Node(String kind, String name, Map<String, Object> tree) {
    boolean isWorkload() {
      return List.of("Deployment", "StatefulSet", "Job").contains(kind);
    }

    Map<String, Object> podSpec() {
      return map(tree, "spec", "template", "spec");
    }

    Map<String, Object> podLabels() {
      return map(tree, "spec", "template", "metadata", "labels");
    }

    List<Map<String, Object>> containers(String field) {
      return list(podSpec(), field);
    }

    String text(String... path) {
      Object v = at(tree, path);
      return v == null ? "" : String.valueOf(v);
    }
  }

  private final List<Node> nodes;

  BaseView(List<KubeObject> objects) {
    this.nodes =
        objects.stream()
            .map(o -> new Node(o.kind(), o.name(), asMap(SortedYaml.treeOf(o.model()))))
            .toList();
  }

  List<Node> workloads() {
    return nodes.stream().filter(Node::isWorkload).toList();
  }

  Optional<Node> find(String kind, String name) {
    return nodes.stream().filter(n -> n.kind.equals(kind) && n.name.equals(name)).findFirst();
  }

  List<Node> ofKind(String kind) {
    return nodes.stream().filter(n -> n.kind.equals(kind)).toList();
  }

  /** Null-safe navigation in a YAML tree (also for tests of built overlays). */
  public static Object at(Map<String, Object> tree, String... path) {
    Object cur = tree;
    for (String p : path) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(p);
    }
    return cur;
  }

  static Map<String, Object> map(Map<String, Object> tree, String... path) {
    Object v = at(tree, path);
    return v == null ? Map.of() : asMap(v);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> tree, String... path) {
    Object v = at(tree, path);
    return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object tree) {
    return (Map<String, Object>) tree;
  }
}
