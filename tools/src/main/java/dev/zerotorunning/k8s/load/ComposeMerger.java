package dev.zerotorunning.k8s.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges interpolated compose files the way {@code docker compose -f a.yaml -f b.yaml} does (the
 * Compose spec's merge rules): mappings merge key by key and the later file wins; environment,
 * labels, depends_on, sysctls, extra_hosts and the like merge by key whatever their syntax; service
 * volumes, secrets and configs merge by target; command, entrypoint and healthcheck.test are
 * replaced; other sequences are appended without duplicates.
 */
final class ComposeMerger {
  private ComposeMerger() {}

  /** Service keys whose list form ("KEY=value", "name") merges by key like their map form. */
  private static final Set<String> KEYED =
      Set.of(
          "environment",
          "labels",
          "annotations",
          "sysctls",
          "extra_hosts",
          "depends_on",
          "networks",
          "ulimits",
          "build.args",
          "deploy.labels");

  /** Service sequences that merge by the mount target. */
  private static final Set<String> BY_TARGET = Set.of("volumes", "secrets", "configs");

  /** Service sequences that the later file replaces. */
  private static final Set<String> REPLACED =
      Set.of("command", "entrypoint", "healthcheck.test", "profiles");

  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    override.forEach(
        (key, value) -> {
          if (key.equals("services") && out.get(key) instanceof Map && value instanceof Map) {
            Map<String, Object> services = new LinkedHashMap<>(Raw.map(out.get(key), key));
            Raw.map(value, key)
                .forEach(
                    (name, spec) ->
                        combine(
                            services,
                            name,
                            spec,
                            (a, b) ->
                                mergeNode(
                                    Raw.map(a, "services." + name),
                                    Raw.map(b, "services." + name),
                                    "")));
            out.put(key, services);
          } else {
            combine(out, key, value, ComposeMerger::deepMerge);
          }
        });
    return out;
  }

  /** Map.merge that allows null values (an empty YAML entry): a null side leaves the other. */
  private static void combine(
      Map<String, Object> out,
      String key,
      Object value,
      java.util.function.BinaryOperator<Object> fn) {
    Object old = out.get(key);
    out.put(key, old == null ? value : value == null ? old : fn.apply(old, value));
  }

  /** Top-level sections (volumes, networks, secrets, configs, x-*): mappings merge, else b wins. */
  private static Object deepMerge(Object a, Object b) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      Map<String, Object> out = new LinkedHashMap<>(Raw.map(ma, "(top level)"));
      Raw.map(mb, "(top level)").forEach((k, v) -> combine(out, k, v, ComposeMerger::deepMerge));
      return out;
    }
    return b;
  }

  /** One service (or a mapping inside it); {@code path} is the key path inside the service. */
  private static Map<String, Object> mergeNode(
      Map<String, Object> a, Map<String, Object> b, String path) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    b.forEach(
        (key, value) -> {
          String at = path.isEmpty() ? key : path + "." + key;
          Object old = out.get(key);
          if (old == null || value == null) {
            out.put(key, old == null ? value : old);
          } else if (KEYED.contains(at)) {
            Map<String, Object> merged = new LinkedHashMap<>(keyed(old, at));
            merged.putAll(keyed(value, at));
            out.put(key, merged);
          } else if (REPLACED.contains(at)) {
            out.put(key, value);
          } else if (old instanceof Map && value instanceof Map) {
            out.put(key, mergeNode(Raw.map(old, at), Raw.map(value, at), at));
          } else if (old instanceof List<?> l1 && value instanceof List<?> l2) {
            out.put(key, BY_TARGET.contains(at) ? byTarget(l1, l2) : union(l1, l2));
          } else if (at.equals("env_file") || at.equals("tmpfs") || at.equals("dns")) {
            out.put(key, union(asList(old), asList(value)));
          } else {
            out.put(key, value);
          }
        });
    return out;
  }

  private static List<?> asList(Object o) {
    return o instanceof List<?> l ? l : List.of(o);
  }

  /** The map form of a keyed entry: "KEY=value" items, bare names (depends_on, networks). */
  private static Map<String, Object> keyed(Object value, String path) {
    if (value instanceof Map) {
      return Raw.map(value, path);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object item : Raw.list(value, path)) {
      String s = Raw.string(item, path);
      if (path.equals("depends_on")) {
        out.put(s, new LinkedHashMap<>(Map.of("condition", "service_started")));
      } else if (path.equals("networks")) {
        out.put(s, null);
      } else {
        int eq = s.indexOf(path.equals("extra_hosts") ? ':' : '=');
        out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
      }
    }
    return out;
  }

  private static List<Object> union(List<?> a, List<?> b) {
    List<Object> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }

  private static List<Object> byTarget(List<?> a, List<?> b) {
    Map<String, Object> out = new LinkedHashMap<>();
    a.forEach(x -> out.put(target(x), x));
    b.forEach(x -> out.put(target(x), x));
    return new ArrayList<>(out.values());
  }

  /** A mount's target: long syntax's target (or source), short syntax's second field. */
  private static String target(Object item) {
    if (item instanceof Map<?, ?> m) {
      Object t = m.get("target") != null ? m.get("target") : m.get("source");
      return String.valueOf(t);
    }
    String[] parts = String.valueOf(item).split(":");
    return parts.length > 1 ? parts[1] : parts[0];
  }
}
