package dev.zerotorunning.k8s.load;

import dev.zerotorunning.k8s.model.Dependency;
import dev.zerotorunning.k8s.model.Healthcheck;
import dev.zerotorunning.k8s.model.PortMapping;
import dev.zerotorunning.k8s.model.VolumeMount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short and long syntax of ports, expose, volumes, depends_on and healthcheck, per the Compose
 * spec.
 */
final class ServiceSyntax {
  private ServiceSyntax() {}

  /** [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]; IPv6 host IPs in brackets. */
  private static final Pattern SHORT_PORT =
      Pattern.compile(
          "^(?:(?<ip>\\[[^]]+]|\\d+\\.\\d+\\.\\d+\\.\\d+):)?(?:(?<host>\\d*(?:-\\d+)?):)?(?<target>\\d+(?:-\\d+)?)(?:/(?<proto>tcp|udp|sctp))?$");

  static List<PortMapping> ports(Object raw, String path) {
    List<PortMapping> out = new ArrayList<>();
    List<Object> items = Raw.list(raw, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      Object item = items.get(i);
      if (item instanceof Map) {
        out.add(longPort(Raw.map(item, itemPath), itemPath));
      } else {
        out.addAll(shortPort(Raw.string(item, itemPath), itemPath));
      }
    }
    return out;
  }

  private static PortMapping longPort(Map<String, Object> m, String path) {
    for (String key : m.keySet()) {
      if (!List.of("target", "published", "host_ip", "protocol", "mode", "name", "app_protocol")
          .contains(key)) {
        throw new Raw.ComposeFormatException(path, "unknown port key \"" + key + "\"");
      }
    }
    Optional<Integer> published =
        Optional.ofNullable(m.get("published"))
            .map(p -> Raw.string(p, path + ".published"))
            .filter(p -> !p.isEmpty())
            .map(
                p -> {
                  if (!p.matches("\\d+")) {
                    throw new Raw.ComposeFormatException(
                        path + ".published", "port ranges are not supported: " + p);
                  }
                  return Integer.parseInt(p);
                });
    return new PortMapping(
        Raw.integer(m.get("target"), path + ".target"),
        published,
        Optional.ofNullable(Raw.string(m.get("host_ip"), path + ".host_ip")),
        Optional.ofNullable(Raw.string(m.get("protocol"), path))
            .orElse("tcp")
            .toLowerCase(Locale.ROOT),
        Optional.ofNullable(Raw.string(m.get("name"), path + ".name")));
  }

  private static List<PortMapping> shortPort(String spec, String path) {
    Matcher m = SHORT_PORT.matcher(spec.trim());
    if (!m.matches()) {
      throw new Raw.ComposeFormatException(path, "invalid port \"" + spec + "\"");
    }
    Optional<String> ip = Optional.ofNullable(m.group("ip")).map(s -> s.replaceAll("^\\[|]$", ""));
    String proto = Optional.ofNullable(m.group("proto")).orElse("tcp");
    int[] targets = range(m.group("target"), path);
    String host = m.group("host");
    int[] published = host == null || host.isEmpty() ? null : range(host, path);
    if (published != null && published.length != targets.length) {
      throw new Raw.ComposeFormatException(
          path, "host and container port ranges differ in size: " + spec);
    }
    List<PortMapping> out = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      Optional<Integer> pub = published == null ? Optional.empty() : Optional.of(published[i]);
      // "127.0.0.1::80" publishes on an ephemeral host port: Kubernetes needs a fixed one, so we
      // keep it unpublished.
      out.add(new PortMapping(targets[i], pub, ip, proto, Optional.empty()));
    }
    return out;
  }

  static List<PortMapping> expose(Object raw, String path) {
    List<PortMapping> out = new ArrayList<>();
    List<String> items = Raw.stringOrList(raw, path);
    for (int i = 0; i < items.size(); i++) {
      String[] parts = items.get(i).split("/", 2);
      String proto = parts.length > 1 ? parts[1] : "tcp";
      for (int port : range(parts[0], path + "[" + i + "]")) {
        out.add(new PortMapping(port, Optional.empty(), Optional.empty(), proto, Optional.empty()));
      }
    }
    return out;
  }

  private static int[] range(String text, String path) {
    String[] bounds = text.split("-", 2);
    try {
      int from = Integer.parseInt(bounds[0]);
      int to = bounds.length > 1 ? Integer.parseInt(bounds[1]) : from;
      if (to < from || to - from > 100) {
        throw new Raw.ComposeFormatException(path, "unsupported port range " + text);
      }
      int[] out = new int[to - from + 1];
      for (int i = 0; i < out.length; i++) {
        out[i] = from + i;
      }
      return out;
    } catch (NumberFormatException e) {
      throw new Raw.ComposeFormatException(path, "invalid port \"" + text + "\"");
    }
  }

  static List<VolumeMount> volumes(Object raw, Path projectDir, String path) {
    List<VolumeMount> out = new ArrayList<>();
    List<Object> items = Raw.list(raw, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      if (items.get(i) instanceof Map) {
        out.add(longVolume(Raw.map(items.get(i), itemPath), projectDir, itemPath));
      } else {
        out.add(shortVolume(Raw.string(items.get(i), itemPath), projectDir));
      }
    }
    return out;
  }

  private static VolumeMount shortVolume(String spec, Path projectDir) {
    String[] parts = spec.split(":");
    if (parts.length == 1) {
      return new VolumeMount(VolumeMount.ANONYMOUS, "", parts[0], false);
    }
    boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
    String source = parts[0];
    if (isPath(source)) {
      return new VolumeMount(VolumeMount.BIND, resolve(projectDir, source), parts[1], readOnly);
    }
    return new VolumeMount(VolumeMount.NAMED, source, parts[1], readOnly);
  }

  private static VolumeMount longVolume(Map<String, Object> m, Path projectDir, String path) {
    String type =
        Optional.ofNullable(Raw.string(m.get("type"), path + ".type")).orElse(VolumeMount.NAMED);
    String source = Optional.ofNullable(Raw.string(m.get("source"), path + ".source")).orElse("");
    String target = Raw.string(m.get("target"), path + ".target");
    if (target == null) {
      throw new Raw.ComposeFormatException(path, "volume target is required");
    }
    boolean readOnly =
        m.containsKey("read_only") && Raw.bool(m.get("read_only"), path + ".read_only");
    return switch (type) {
      case "bind" ->
          new VolumeMount(VolumeMount.BIND, resolve(projectDir, source), target, readOnly);
      case "tmpfs" -> new VolumeMount(VolumeMount.TMPFS, "", target, readOnly);
      case "volume" ->
          new VolumeMount(
              source.isEmpty() ? VolumeMount.ANONYMOUS : VolumeMount.NAMED,
              source,
              target,
              readOnly);
      default ->
          throw new Raw.ComposeFormatException(
              path + ".type", "unsupported volume type \"" + type + "\"");
    };
  }

  private static boolean isPath(String source) {
    return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
  }

  private static String resolve(Path projectDir, String source) {
    if (source.startsWith("~")) {
      return source; // a home-directory path cannot be carried into a cluster; reported by the
      // builder
    }
    return projectDir.resolve(source).normalize().toString();
  }

  static List<Dependency> dependsOn(Object raw, String path) {
    List<Dependency> out = new ArrayList<>();
    if (raw instanceof Map) {
      Raw.map(raw, path)
          .forEach(
              (name, spec) -> {
                Map<String, Object> m = Raw.map(spec, path + "." + name);
                String condition =
                    Optional.ofNullable(Raw.string(m.get("condition"), path))
                        .orElse(Dependency.STARTED);
                if (!List.of(Dependency.STARTED, Dependency.HEALTHY, Dependency.COMPLETED)
                    .contains(condition)) {
                  throw new Raw.ComposeFormatException(
                      path + "." + name, "unknown condition \"" + condition + "\"");
                }
                out.add(new Dependency(name, condition));
              });
    } else {
      Raw.stringOrList(raw, path)
          .forEach(name -> out.add(new Dependency(name, Dependency.STARTED)));
    }
    return out;
  }

  /** Returns empty when the check is disabled ({@code disable: true} or test {@code NONE}). */
  static Optional<Healthcheck> healthcheck(Object raw, String path) {
    Map<String, Object> m = Raw.map(raw, path);
    if (m.containsKey("disable") && Raw.bool(m.get("disable"), path + ".disable")) {
      return Optional.empty();
    }
    Object test = m.get("test");
    List<String> words;
    if (test instanceof List) {
      words = Raw.stringOrList(test, path + ".test");
    } else if (test != null) {
      words = List.of("CMD-SHELL", Raw.string(test, path + ".test"));
    } else {
      throw new Raw.ComposeFormatException(
          path, "healthcheck without test (inheriting the image's is not supported)");
    }
    if (words.isEmpty() || "NONE".equals(words.get(0))) {
      return Optional.empty();
    }
    if (!List.of("CMD", "CMD-SHELL").contains(words.get(0))) {
      throw new Raw.ComposeFormatException(
          path + ".test", "must start with CMD, CMD-SHELL or NONE");
    }
    return Optional.of(
        new Healthcheck(
            words,
            durationOr(m, "interval", path, Healthcheck.DEFAULT_INTERVAL),
            durationOr(m, "timeout", path, Healthcheck.DEFAULT_TIMEOUT),
            m.get("retries") == null
                ? Healthcheck.DEFAULT_RETRIES
                : Raw.integer(m.get("retries"), path + ".retries"),
            durationOr(m, "start_period", path, Duration.ZERO),
            Optional.ofNullable(m.get("start_interval"))
                .map(v -> Raw.parsed(v, path + ".start_interval", Units::duration))));
  }

  private static Duration durationOr(
      Map<String, Object> m, String key, String path, Duration fallback) {
    Object raw = m.get(key);
    return raw == null ? fallback : Raw.parsed(raw, path + "." + key, Units::duration);
  }
}
