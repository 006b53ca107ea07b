package dev.zerotorunning.k8s.load;

import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.Environment;
import dev.zerotorunning.k8s.model.Hardening;
import dev.zerotorunning.k8s.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what the staging and production overlays need: top-level {@code x-k8s.environments} and a
 * service's {@code x-k8s.run-as-user} / {@code x-k8s.writable}. Unknown names are reported, as
 * everywhere else; a value of the wrong shape is an error naming its path.
 */
final class EnvironmentParser {
  private EnvironmentParser() {}

  private static final List<String> ENVIRONMENT_KEYS =
      List.of("host", "tls-secret", "ingress-class", "registry", "services");
  private static final List<String> SIZING_KEYS =
      List.of("replicas", "requests", "limits", "autoscale");
  private static final List<String> RESOURCE_KEYS = List.of("cpu", "memory", "ephemeral-storage");
  private static final List<String> AUTOSCALE_KEYS = List.of("min", "max", "cpu");

  static Map<String, Environment> environments(Object raw, Diagnostics diag) {
    Map<String, Environment> out = new TreeMap<>();
    Raw.map(raw, "x-k8s.environments")
        .forEach(
            (name, spec) -> {
              String path = "x-k8s.environments." + name;
              if (!Names.dnsLabel(name).equals(name)) {
                throw new Raw.ComposeFormatException(
                    path, "an environment name must be a DNS label (e.g. staging)");
              }
              Map<String, Object> m = Raw.map(spec, path);
              unknown(m, ENVIRONMENT_KEYS, path, diag);
              Map<String, Environment.Sizing> sizes = new TreeMap<>();
              Raw.map(m.get("services"), path + ".services")
                  .forEach(
                      (service, s) ->
                          sizes.put(service, sizing(s, path + ".services." + service, diag)));
              out.put(
                  name,
                  new Environment(
                      name,
                      text(m, "host", path),
                      text(m, "tls-secret", path),
                      text(m, "ingress-class", path),
                      text(m, "registry", path).map(r -> r.replaceAll("/+$", "")),
                      sizes));
            });
    return out;
  }

  static Hardening hardening(Map<String, Object> xk8s, String path) {
    Optional<Long> user =
        Optional.ofNullable(xk8s.get("run-as-user"))
            .map(v -> (long) Raw.integer(v, path + ".run-as-user"));
    user.filter(u -> u <= 0)
        .ifPresent(
            u -> {
              throw new Raw.ComposeFormatException(
                  path + ".run-as-user", "must be a user id above 0 (runAsNonRoot)");
            });
    List<String> writable = new ArrayList<>();
    for (String p : Raw.stringOrList(xk8s.get("writable"), path + ".writable")) {
      if (!p.startsWith("/")) {
        throw new Raw.ComposeFormatException(
            path + ".writable", "\"" + p + "\" is not an absolute path");
      }
      writable.add(p);
    }
    return new Hardening(user, List.copyOf(writable));
  }

  private static Environment.Sizing sizing(Object raw, String path, Diagnostics diag) {
    Map<String, Object> m = Raw.map(raw, path);
    unknown(m, SIZING_KEYS, path, diag);
    Optional<Environment.Autoscale> autoscale =
        Optional.ofNullable(m.get("autoscale")).map(a -> autoscale(a, path + ".autoscale", diag));
    Optional<Integer> replicas =
        Optional.ofNullable(m.get("replicas")).map(r -> Raw.integer(r, path + ".replicas"));
    replicas
        .filter(r -> r < 0)
        .ifPresent(
            r -> {
              throw new Raw.ComposeFormatException(path + ".replicas", "must be 0 or more");
            });
    return new Environment.Sizing(
        replicas,
        resources(m.get("requests"), path + ".requests", diag),
        resources(m.get("limits"), path + ".limits", diag),
        autoscale);
  }

  private static Environment.Autoscale autoscale(Object raw, String path, Diagnostics diag) {
    Map<String, Object> m = Raw.map(raw, path);
    unknown(m, AUTOSCALE_KEYS, path, diag);
    for (String key : List.of("min", "max")) {
      if (!m.containsKey(key)) {
        throw new Raw.ComposeFormatException(path, key + " is required");
      }
    }
    int min = Raw.integer(m.get("min"), path + ".min");
    int max = Raw.integer(m.get("max"), path + ".max");
    int cpu = m.containsKey("cpu") ? Raw.integer(m.get("cpu"), path + ".cpu") : 70;
    if (min < 1 || max < min) {
      throw new Raw.ComposeFormatException(
          path, "expected 1 <= min <= max, got " + min + ".." + max);
    }
    if (cpu < 1) {
      throw new Raw.ComposeFormatException(path + ".cpu", "a CPU target in percent above 0");
    }
    return new Environment.Autoscale(min, max, cpu);
  }

  /**
   * Kubernetes quantities as written ("250m", "512Mi"); the schema check of the output validates
   * them.
   */
  private static Map<String, String> resources(Object raw, String path, Diagnostics diag) {
    Map<String, String> out = new TreeMap<>(Raw.keyValues(raw, path));
    unknown(new TreeMap<>(out), RESOURCE_KEYS, path, diag);
    out.keySet().retainAll(RESOURCE_KEYS);
    return out;
  }

  private static Optional<String> text(Map<String, Object> m, String key, String path) {
    return Optional.ofNullable(Raw.string(m.get(key), path + "." + key)).filter(v -> !v.isBlank());
  }

  private static void unknown(Map<String, ?> m, List<String> known, String path, Diagnostics diag) {
    for (String key : m.keySet()) {
      if (!known.contains(key)) {
        diag.unsupported(
            "(project)",
            path + "." + key + " is not known (known: " + String.join(", ", known) + ")");
      }
    }
  }
}
