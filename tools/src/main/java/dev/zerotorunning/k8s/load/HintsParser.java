package dev.zerotorunning.k8s.load;

import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.K8sHints;
import dev.zerotorunning.k8s.model.ProbeOverride;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a service's Kubernetes hints: the {@code kompose.*} labels users already know, then our
 * {@code x-k8s} mapping, which overrides them. Unknown names in either are reported, never ignored.
 */
final class HintsParser {
  private HintsParser() {}

  private static final String READINESS = "kompose.service.healthcheck.readiness.";

  /** Controller types; init-container runs an awaited one-shot in each dependent pod. */
  private static final List<String> CONTROLLERS =
      List.of("deployment", "statefulset", "job", "init-container");

  private static final String LIVENESS = "kompose.service.healthcheck.liveness.";
  private static final List<String> PROBE_FIELDS =
      List.of(
          "disable",
          "test",
          "interval",
          "timeout",
          "retries",
          "start_period",
          "http_get_path",
          "http_get_port",
          "tcp_port");
  private static final List<String> X_K8S_KEYS =
      List.of(
          "kind",
          "service-type",
          "node-port",
          "image-pull-policy",
          "volume-size",
          "storage-class",
          "component",
          "secret-env",
          "plain-env",
          "wait-image",
          "annotations",
          "liveness",
          "expose",
          "run-as-user",
          "writable");

  static K8sHints parse(
      String service, Map<String, String> labels, Map<String, Object> xk8s, Diagnostics diag) {
    Map<String, String> kv = new TreeMap<>();
    labels.forEach(
        (k, v) -> {
          if (k.startsWith("kompose.")) {
            kv.put(k, v);
          }
        });
    String path = "services." + service + ".x-k8s";
    for (String key : xk8s.keySet()) {
      if (!X_K8S_KEYS.contains(key)) {
        diag.unsupported(
            service,
            "x-k8s."
                + key
                + " is not a known x-k8s field (known: "
                + String.join(", ", X_K8S_KEYS)
                + ")");
      }
    }
    for (String key : kv.keySet()) {
      boolean known =
          List.of(
                      "kompose.service.type",
                      "kompose.service.expose",
                      "kompose.service.expose.ingress-class-name",
                      "kompose.service.nodeport.port",
                      "kompose.image-pull-policy",
                      "kompose.volume.size",
                      "kompose.volume.storage-class-name",
                      "kompose.controller.type")
                  .contains(key)
              || probeField(key, READINESS)
              || probeField(key, LIVENESS);
      if (!known) {
        diag.unsupported(service, "label " + key + " is not supported by this generator");
      }
    }
    Optional<String> controller =
        pick(xk8s, "kind", kv, "kompose.controller.type").map(s -> s.toLowerCase(Locale.ROOT));
    controller
        .filter(c -> !CONTROLLERS.contains(c))
        .ifPresent(
            c ->
                diag.unsupported(
                    service,
                    "controller type \""
                        + c
                        + "\" (use deployment, statefulset, job or init-container)"));
    Optional<String> serviceType =
        pick(xk8s, "service-type", kv, "kompose.service.type").map(HintsParser::serviceType);
    serviceType
        .filter(t -> t.startsWith("?"))
        .ifPresent(t -> diag.unsupported(service, "service type \"" + t.substring(1) + "\""));
    List<String> hosts =
        pick(xk8s, "expose", kv, "kompose.service.expose")
            .filter(v -> !"false".equalsIgnoreCase(v))
            .map(
                v ->
                    "true".equalsIgnoreCase(v)
                        ? List.of("")
                        : Arrays.stream(v.split(",")).map(String::trim).toList())
            .orElse(List.of());
    return new K8sHints(
        controller.filter(CONTROLLERS::contains),
        serviceType.filter(t -> !t.startsWith("?")),
        hosts,
        Optional.ofNullable(kv.get("kompose.service.expose.ingress-class-name")),
        pick(xk8s, "node-port", kv, "kompose.service.nodeport.port")
            .map(p -> Raw.integer(p, path + ".node-port")),
        pick(xk8s, "image-pull-policy", kv, "kompose.image-pull-policy"),
        pick(xk8s, "volume-size", kv, "kompose.volume.size"),
        pick(xk8s, "storage-class", kv, "kompose.volume.storage-class-name"),
        probe(kv, READINESS, Optional.empty()),
        probe(
            kv,
            LIVENESS,
            Optional.ofNullable(xk8s.get("liveness")).map(v -> !Raw.bool(v, path + ".liveness"))),
        Optional.ofNullable(Raw.string(xk8s.get("component"), path + ".component")),
        new LinkedHashSet<>(Raw.stringOrList(xk8s.get("secret-env"), path + ".secret-env")),
        new LinkedHashSet<>(Raw.stringOrList(xk8s.get("plain-env"), path + ".plain-env")),
        Optional.ofNullable(Raw.string(xk8s.get("wait-image"), path + ".wait-image")),
        new TreeMap<>(Raw.keyValues(xk8s.get("annotations"), path + ".annotations")),
        EnvironmentParser.hardening(xk8s, path));
  }

  private static boolean probeField(String key, String prefix) {
    return key.startsWith(prefix) && PROBE_FIELDS.contains(key.substring(prefix.length()));
  }

  private static Optional<String> pick(
      Map<String, Object> xk8s, String xKey, Map<String, String> labels, String label) {
    if (xk8s.containsKey(xKey)) {
      return Optional.ofNullable(Raw.string(xk8s.get(xKey), "x-k8s." + xKey));
    }
    return Optional.ofNullable(labels.get(label));
  }

  private static String serviceType(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "clusterip" -> "ClusterIP";
      case "nodeport" -> "NodePort";
      case "loadbalancer" -> "LoadBalancer";
      case "headless" -> "Headless";
      default -> "?" + raw;
    };
  }

  private static ProbeOverride probe(
      Map<String, String> kv, String prefix, Optional<Boolean> disabledByXk8s) {
    String test = kv.get(prefix + "test");
    Optional<List<String>> exec = Optional.ofNullable(test).map(HintsParser::probeCommand);
    return new ProbeOverride(
        disabledByXk8s.orElse(Boolean.parseBoolean(kv.getOrDefault(prefix + "disable", "false"))),
        exec,
        Optional.ofNullable(kv.get(prefix + "http_get_path")),
        Optional.ofNullable(kv.get(prefix + "http_get_port"))
            .map(p -> Raw.integer(p, prefix + "http_get_port")),
        Optional.ofNullable(kv.get(prefix + "tcp_port"))
            .map(p -> Raw.integer(p, prefix + "tcp_port")),
        duration(kv.get(prefix + "interval")),
        duration(kv.get(prefix + "timeout")),
        Optional.ofNullable(kv.get(prefix + "retries"))
            .map(r -> Raw.integer(r, prefix + "retries")),
        duration(kv.get(prefix + "start_period")));
  }

  /**
   * kompose writes probe tests as one string: "CMD-SHELL cmd", "CMD a b", or a plain shell command.
   */
  static List<String> probeCommand(String test) {
    String t = test.trim();
    if (t.startsWith("CMD-SHELL ")) {
      return List.of("sh", "-c", t.substring("CMD-SHELL ".length()));
    }
    if (t.startsWith("CMD ")) {
      return ShellWords.split(t.substring("CMD ".length()));
    }
    return List.of("sh", "-c", t);
  }

  private static Optional<Duration> duration(String raw) {
    return Optional.ofNullable(raw).map(Units::duration);
  }
}
