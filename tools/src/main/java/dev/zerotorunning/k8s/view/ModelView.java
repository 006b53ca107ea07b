package dev.zerotorunning.k8s.view;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.zerotorunning.k8s.emit.SortedYaml;
import dev.zerotorunning.k8s.load.Units;
import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Healthcheck;
import dev.zerotorunning.k8s.model.VolumeMount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The normalised JSON both sides of the e2e comparison print: our loaded model, and the output of
 * {@code docker compose config --format json} (the reference implementation). Only what the
 * generator relies on is compared: services, images, commands, environment, ports, volumes,
 * depends_on, healthcheck.
 */
public final class ModelView {
  private ModelView() {}

  public static String ofModel(ComposeProject p) {
    Map<String, Object> services = new TreeMap<>();
    for (ComposeService s : p.services()) {
      Map<String, Object> v = new TreeMap<>();
      v.put("image", s.image().orElse(null));
      v.put("entrypoint", s.entrypoint().isEmpty() ? null : s.entrypoint());
      v.put("command", s.command().isEmpty() ? null : s.command());
      v.put("environment", new TreeMap<>(s.environment()));
      List<Map<String, Object>> ports = new ArrayList<>();
      s.ports()
          .forEach(
              port ->
                  ports.add(
                      port(
                          port.target(),
                          port.published().map(String::valueOf),
                          port.hostIp(),
                          port.protocol())));
      v.put("ports", sortPorts(ports));
      List<Map<String, Object>> volumes = new ArrayList<>();
      s.volumes()
          .forEach(
              vol ->
                  volumes.add(
                      volume(
                          vol.type().equals(VolumeMount.ANONYMOUS) ? "volume" : vol.type(),
                          homeExpanded(vol.source()),
                          vol.target(),
                          vol.readOnly())));
      v.put("volumes", sortVolumes(volumes));
      Map<String, Object> deps = new TreeMap<>();
      s.dependsOn().forEach(d -> deps.put(d.service(), d.condition()));
      v.put("depends_on", deps);
      v.put("healthcheck", s.healthcheck().map(ModelView::healthcheck).orElse(null));
      v.put("restart", s.restart().orElse(null));
      v.put("user", s.user().orElse(null));
      services.put(s.name(), v);
    }
    return print(p.name(), services);
  }

  /** Normalises {@code docker compose config --format json} output to the same shape. */
  @SuppressWarnings("unchecked")
  public static String ofComposeConfig(String json) {
    // `config` output is meant to be loaded again, so every literal `$` in it is written `$$`.
    Map<String, Object> root =
        (Map<String, Object>) unescapeDollars(SortedYaml.fromJson(JsonParser.parseString(json)));
    Map<String, Object> services = new TreeMap<>();
    ((Map<String, Object>) root.getOrDefault("services", Map.of()))
        .forEach(
            (name, raw) -> {
              Map<String, Object> s = (Map<String, Object>) raw;
              Map<String, Object> v = new TreeMap<>();
              v.put("image", s.get("image"));
              v.put("entrypoint", s.get("entrypoint"));
              v.put("command", s.get("command"));
              Map<String, Object> env =
                  new TreeMap<>((Map<String, Object>) s.getOrDefault("environment", Map.of()));
              env.values().removeIf(java.util.Objects::isNull);
              v.put("environment", env);
              List<Map<String, Object>> ports = new ArrayList<>();
              for (Map<String, Object> p :
                  (List<Map<String, Object>>) s.getOrDefault("ports", List.of())) {
                ports.add(
                    port(
                        ((Number) p.get("target")).intValue(),
                        Optional.ofNullable((String) p.get("published")).filter(x -> !x.isEmpty()),
                        Optional.ofNullable((String) p.get("host_ip")),
                        (String) p.getOrDefault("protocol", "tcp")));
              }
              for (Object e : (List<Object>) s.getOrDefault("expose", List.of())) {
                String[] parts = String.valueOf(e).split("/", 2);
                ports.add(
                    port(
                        Integer.parseInt(parts[0]),
                        Optional.empty(),
                        Optional.empty(),
                        parts.length > 1 ? parts[1] : "tcp"));
              }
              v.put("ports", sortPorts(ports));
              List<Map<String, Object>> volumes = new ArrayList<>();
              for (Map<String, Object> vol :
                  (List<Map<String, Object>>) s.getOrDefault("volumes", List.of())) {
                volumes.add(
                    volume(
                        (String) vol.get("type"),
                        (String) vol.getOrDefault("source", ""),
                        (String) vol.get("target"),
                        Boolean.TRUE.equals(vol.get("read_only"))));
              }
              for (Object t : (List<Object>) s.getOrDefault("tmpfs", List.of())) {
                volumes.add(volume("tmpfs", "", String.valueOf(t).split(":")[0], false));
              }
              v.put("volumes", sortVolumes(volumes));
              Map<String, Object> deps = new TreeMap<>();
              ((Map<String, Object>) s.getOrDefault("depends_on", Map.of()))
                  .forEach(
                      (d, spec) ->
                          deps.put(
                              d,
                              ((Map<String, Object>) spec)
                                  .getOrDefault("condition", "service_started")));
              v.put("depends_on", deps);
              v.put("healthcheck", composeHealthcheck((Map<String, Object>) s.get("healthcheck")));
              v.put("restart", s.get("restart"));
              v.put("user", s.get("user"));
              services.put(name, v);
            });
    return print(String.valueOf(root.get("name")), services);
  }

  /**
   * Compose expands a leading ~ in bind sources; the loader keeps it (it is reported unsupported).
   */
  private static String homeExpanded(String source) {
    return source.startsWith("~/") ? System.getProperty("user.home") + source.substring(1) : source;
  }

  private static Object unescapeDollars(Object node) {
    if (node instanceof String text) {
      return text.replace("$$", "$");
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), unescapeDollars(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(unescapeDollars(v)));
      return out;
    }
    return node;
  }

  private static Map<String, Object> composeHealthcheck(Map<String, Object> h) {
    if (h == null || Boolean.TRUE.equals(h.get("disable"))) {
      return null;
    }
    Object test = h.get("test");
    List<String> words = new ArrayList<>();
    if (test instanceof List<?> l) {
      l.forEach(w -> words.add(String.valueOf(w)));
    } else {
      words.addAll(List.of("CMD-SHELL", String.valueOf(test)));
    }
    if (words.isEmpty() || words.get(0).equals("NONE")) {
      return null;
    }
    return healthcheck(
        new Healthcheck(
            words,
            Optional.ofNullable(h.get("interval"))
                .map(Units::duration)
                .orElse(Healthcheck.DEFAULT_INTERVAL),
            Optional.ofNullable(h.get("timeout"))
                .map(Units::duration)
                .orElse(Healthcheck.DEFAULT_TIMEOUT),
            Optional.ofNullable(h.get("retries"))
                .map(r -> ((Number) r).intValue())
                .orElse(Healthcheck.DEFAULT_RETRIES),
            Optional.ofNullable(h.get("start_period"))
                .map(Units::duration)
                .orElse(java.time.Duration.ZERO),
            Optional.ofNullable(h.get("start_interval")).map(Units::duration)));
  }

  private static Map<String, Object> healthcheck(Healthcheck h) {
    Map<String, Object> m = new TreeMap<>();
    m.put("test", h.test());
    m.put("interval", Units.formatDuration(h.interval()));
    m.put("timeout", Units.formatDuration(h.timeout()));
    m.put("retries", h.retries());
    m.put("start_period", Units.formatDuration(h.startPeriod()));
    m.put("start_interval", h.startInterval().map(Units::formatDuration).orElse(null));
    return m;
  }

  private static Map<String, Object> port(
      int target, Optional<String> published, Optional<String> hostIp, String protocol) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", target);
    m.put("published", published.orElse(null));
    m.put("host_ip", hostIp.orElse(null));
    m.put("protocol", protocol);
    return m;
  }

  private static List<Map<String, Object>> sortPorts(List<Map<String, Object>> ports) {
    ports.sort(
        Comparator.comparing((Map<String, Object> m) -> (Integer) m.get("target"))
            .thenComparing(m -> String.valueOf(m.get("protocol")))
            .thenComparing(m -> String.valueOf(m.get("published"))));
    return ports;
  }

  private static Map<String, Object> volume(
      String type, String source, String target, boolean readOnly) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("source", source == null ? "" : source);
    m.put("target", target);
    m.put("read_only", readOnly);
    return m;
  }

  private static List<Map<String, Object>> sortVolumes(List<Map<String, Object>> volumes) {
    volumes.sort(Comparator.comparing(m -> String.valueOf(m.get("target"))));
    return volumes;
  }

  private static String print(String name, Map<String, Object> services) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", name);
    root.put("services", services);
    JsonElement tree = new GsonBuilder().serializeNulls().create().toJsonTree(root);
    return new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .create()
            .toJson(tree)
        + "\n";
  }
}
