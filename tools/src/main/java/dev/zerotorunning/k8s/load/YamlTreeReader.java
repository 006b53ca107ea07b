package dev.zerotorunning.k8s.load;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Parses YAML into plain maps/lists/scalars with the YAML 1.2 core schema (like Compose's Go
 * parser: {@code yes} stays a string) and resolves {@code <<} merge keys, which YAML 1.2 parsers
 * leave alone but every compose file with {@code x-defaults: &defaults} relies on.
 */
public final class YamlTreeReader {
  private YamlTreeReader() {}

  public static Object read(String yaml, String label) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(500)
            .build();
    try {
      Optional<Node> root = new Compose(settings).composeString(yaml);
      root.ifPresent(node -> resolveMerges(node, new IdentityHashMap<>()));
      Object tree = new StandardConstructor(settings).constructSingleDocument(root);
      return stringKeys(tree, new IdentityHashMap<>());
    } catch (MarkedYamlEngineException e) {
      String where =
          e.getProblemMark()
              .map(m -> label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
              .orElse(label);
      throw new IllegalArgumentException(
          where + ": invalid YAML: " + Optional.ofNullable(e.getProblem()).orElse("syntax error"));
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(label + ": invalid YAML: " + e.getMessage());
    }
  }

  /**
   * Replaces every {@code <<} entry by the merged entries; explicit keys win, earlier sources win.
   */
  private static void resolveMerges(Node node, IdentityHashMap<Node, Boolean> seen) {
    if (seen.put(node, Boolean.TRUE) != null) {
      return; // an alias to a node already processed
    }
    if (node instanceof SequenceNode seq) {
      seq.getValue().forEach(child -> resolveMerges(child, seen));
    } else if (node instanceof MappingNode map) {
      List<NodeTuple> explicit = new ArrayList<>();
      List<NodeTuple> merged = new ArrayList<>();
      for (NodeTuple tuple : map.getValue()) {
        resolveMerges(tuple.getValueNode(), seen);
        if (isMergeKey(tuple.getKeyNode())) {
          for (MappingNode source : mergeSources(tuple.getValueNode())) {
            resolveMerges(source, seen);
            merged.addAll(source.getValue());
          }
        } else {
          explicit.add(tuple);
        }
      }
      if (explicit.size() != map.getValue().size()) {
        map.setValue(combine(explicit, merged));
      }
    }
  }

  private static List<NodeTuple> combine(List<NodeTuple> explicit, List<NodeTuple> merged) {
    Map<String, NodeTuple> byKey = new LinkedHashMap<>();
    for (NodeTuple t : explicit) {
      byKey.put(keyText(t), t);
    }
    for (NodeTuple t : merged) {
      byKey.putIfAbsent(keyText(t), t);
    }
    return new ArrayList<>(byKey.values());
  }

  private static List<MappingNode> mergeSources(Node value) {
    if (value instanceof MappingNode m) {
      return List.of(m);
    }
    if (value instanceof SequenceNode seq) {
      List<MappingNode> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        if (!(n instanceof MappingNode m)) {
          throw new IllegalArgumentException("<< merge key: sequence items must be mappings");
        }
        out.add(m);
      }
      return out;
    }
    throw new IllegalArgumentException(
        "<< merge key: value must be a mapping or a sequence of mappings");
  }

  private static boolean isMergeKey(Node key) {
    return key instanceof ScalarNode s && s.isPlain() && "<<".equals(s.getValue());
  }

  private static String keyText(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
  }

  /**
   * Compose keys are strings; {@code 8080: x} style integer keys are turned into strings. An anchor
   * used inside itself is refused, as Compose refuses it.
   */
  private static Object stringKeys(Object node, IdentityHashMap<Object, Boolean> ancestors) {
    if (!(node instanceof Map) && !(node instanceof List)) {
      return node;
    }
    if (ancestors.put(node, Boolean.TRUE) != null) {
      throw new IllegalArgumentException("an anchor is used inside itself (a recursive alias)");
    }
    Object out;
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), stringKeys(v, ancestors)));
      out = copy;
    } else {
      List<Object> copy = new ArrayList<>();
      ((List<?>) node).forEach(v -> copy.add(stringKeys(v, ancestors)));
      out = copy;
    }
    ancestors.remove(node);
    return out;
  }
}
