package dev.zerotorunning.stack.docker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.zerotorunning.stack.model.ComposeConfig;
import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.HealthEvent;
import dev.zerotorunning.stack.model.Probe;
import dev.zerotorunning.stack.model.ServiceConfig;
import dev.zerotorunning.stack.model.Stack;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the stack from Docker's JSON: the configuration, then the containers Compose lists. */
public final class StackReader {
  private static final String LABEL = "com.docker.compose.";

  private StackReader() {}

  public static Stack read(DockerCli docker) {
    JsonObject config = parse(docker.composeConfig(), "docker compose config").getAsJsonObject();
    String project = str(config, "name").orElse("");
    List<ServiceConfig> services = services(config);
    List<String> ids = new ArrayList<>();
    for (JsonElement e : lines(docker.composePs())) {
      str(e.getAsJsonObject(), "ID").ifPresent(ids::add);
    }
    List<Container> containers = new ArrayList<>();
    for (JsonElement e : parse(docker.inspect(ids), "docker inspect").getAsJsonArray()) {
      JsonObject c = e.getAsJsonObject();
      Map<String, String> labels = strings(obj(obj(c, "Config"), "Labels"));
      String id = str(c, "Id").orElse("");
      if (ids.stream().anyMatch(id::startsWith)
          && project.equals(labels.get(LABEL + "project"))
          && !"True".equals(labels.get(LABEL + "oneoff"))) {
        containers.add(container(c, labels));
      }
    }
    return new Stack(project, services, containers);
  }

  /**
   * The configuration alone (no containers): its services in start order, every profile on, and the
   * partial stacks make dev PROFILE= knows ({@code x-partial-stacks} in compose.override.yaml).
   */
  public static ComposeConfig config(DockerCli docker) {
    JsonObject config = parse(docker.composeConfig(), "docker compose config").getAsJsonObject();
    Map<String, List<String>> stacks = new LinkedHashMap<>();
    obj(config, "x-partial-stacks")
        .entrySet()
        .forEach(
            e -> {
              List<String> members = new ArrayList<>();
              if (e.getValue() instanceof JsonArray a) {
                a.forEach(m -> members.add(m.getAsString()));
              }
              stacks.put(e.getKey(), List.copyOf(members));
            });
    return new ComposeConfig(services(config), stacks);
  }

  /** The services in start order (see {@link Stack}). */
  static List<ServiceConfig> services(JsonObject config) {
    Map<String, ServiceConfig> byName = new TreeMap<>();
    obj(config, "services")
        .entrySet()
        .forEach(
            e -> {
              JsonObject s = e.getValue().getAsJsonObject();
              Map<String, String> deps = new TreeMap<>();
              obj(s, "depends_on")
                  .entrySet()
                  .forEach(
                      d ->
                          deps.put(
                              d.getKey(),
                              str(d.getValue().getAsJsonObject(), "condition")
                                  .orElse("service_started")));
              List<String> profiles = new ArrayList<>();
              if (s.get("profiles") instanceof JsonArray a) {
                a.forEach(p -> profiles.add(p.getAsString()));
              }
              int replicas = 1;
              JsonObject deploy = obj(s, "deploy");
              if (deploy.has("replicas") && !deploy.get("replicas").isJsonNull()) {
                replicas = deploy.get("replicas").getAsInt();
              } else if (s.has("scale") && !s.get("scale").isJsonNull()) {
                replicas = s.get("scale").getAsInt();
              }
              List<String> published = new ArrayList<>();
              if (s.get("ports") instanceof JsonArray ports) {
                ports.forEach(
                    port -> str(port.getAsJsonObject(), "published").ifPresent(published::add));
              }
              byName.put(
                  e.getKey(),
                  new ServiceConfig(
                      e.getKey(), profiles, deps, strings(obj(s, "labels")), replicas, published));
            });
    Map<String, Integer> depth = new HashMap<>();
    byName.keySet().forEach(n -> depth(n, byName, depth, new ArrayList<>()));
    return byName.values().stream()
        .sorted(
            Comparator.comparing((ServiceConfig s) -> !s.profiles().isEmpty())
                .thenComparing(s -> depth.get(s.name()))
                .thenComparing(ServiceConfig::name))
        .toList();
  }

  private static int depth(
      String name, Map<String, ServiceConfig> all, Map<String, Integer> memo, List<String> path) {
    if (memo.containsKey(name)) {
      return memo.get(name);
    }
    int d = 0;
    ServiceConfig s = all.get(name);
    if (s != null && !path.contains(name)) {
      path.add(name);
      for (String dep : s.dependsOn().keySet()) {
        d = Math.max(d, depth(dep, all, memo, path) + 1);
      }
      path.remove(name);
    }
    memo.put(name, d);
    return d;
  }

  private static Container container(JsonObject c, Map<String, String> labels) {
    JsonObject state = obj(c, "State");
    JsonObject config = obj(c, "Config");
    Optional<JsonObject> health =
        state.get("Health") instanceof JsonObject h ? Optional.of(h) : Optional.empty();
    List<Probe> log = new ArrayList<>();
    health.ifPresent(
        h -> {
          if (h.get("Log") instanceof JsonArray a) {
            a.forEach(
                p -> {
                  JsonObject o = p.getAsJsonObject();
                  log.add(
                      new Probe(
                          o.get("ExitCode").getAsInt(),
                          time(str(o, "End").orElse("")),
                          str(o, "Output").orElse("")));
                });
          }
        });
    Map<String, List<String>> ports = new TreeMap<>();
    obj(obj(c, "NetworkSettings"), "Ports")
        .entrySet()
        .forEach(
            e -> {
              if (e.getValue() instanceof JsonArray bindings) {
                List<String> hostPorts = new ArrayList<>();
                bindings.forEach(
                    b -> str(b.getAsJsonObject(), "HostPort").ifPresent(hostPorts::add));
                ports.put(e.getKey(), hostPorts);
              }
            });
    return new Container(
        str(c, "Id").orElse(""),
        labels.getOrDefault(LABEL + "service", ""),
        Integer.parseInt(labels.getOrDefault(LABEL + "container-number", "1")),
        str(c, "Name").orElse("").replaceFirst("^/", ""),
        str(config, "Hostname").orElse(""),
        str(state, "Status").orElse(""),
        health.flatMap(h -> str(h, "Status")),
        time(str(state, "StartedAt").orElse("")),
        time(str(state, "FinishedAt").orElse("")),
        state.has("ExitCode") ? state.get("ExitCode").getAsInt() : 0,
        log,
        ports,
        labels.getOrDefault(LABEL + "config-hash", ""),
        str(c, "Image").orElse(""),
        str(config, "Image").orElse(""));
  }

  /** {@code docker compose config --hash '*'}: each service and its configuration hash. */
  public static Map<String, String> hashes(String lines) {
    Map<String, String> m = new LinkedHashMap<>();
    lines
        .lines()
        .map(l -> l.trim().split("\\s+"))
        .filter(f -> f.length == 2)
        .forEach(f -> m.put(f[0], f[1]));
    return m;
  }

  /** {@code docker image inspect}: each reference (tag) and the image ID it names. */
  public static Map<String, String> imageIds(String json) {
    Map<String, String> m = new HashMap<>();
    for (JsonElement e : parse(json, "docker image inspect").getAsJsonArray()) {
      JsonObject image = e.getAsJsonObject();
      String id = str(image, "Id").orElse("");
      if (image.get("RepoTags") instanceof JsonArray tags) {
        tags.forEach(t -> m.put(t.getAsString(), id));
      }
      m.put(id, id);
    }
    return m;
  }

  /** {@code docker events --format '{{json .}}'} lines: the health_status events. */
  public static List<HealthEvent> events(String jsonLines) {
    List<HealthEvent> events = new ArrayList<>();
    for (JsonElement e : lines(jsonLines)) {
      JsonObject o = e.getAsJsonObject();
      String action = str(o, "Action").orElse(str(o, "status").orElse(""));
      if (!action.startsWith("health_status") || !o.has("timeNano")) {
        continue;
      }
      long nanos = o.get("timeNano").getAsLong();
      events.add(
          new HealthEvent(
              strings(obj(obj(o, "Actor"), "Attributes")).getOrDefault("name", ""),
              Instant.ofEpochSecond(0, nanos),
              action.replaceFirst("^health_status: *", "")));
    }
    return events;
  }

  /** An RFC 3339 time as Docker prints it ("Z" or an offset, any fraction); the epoch if none. */
  static Instant time(String rfc3339) {
    if (rfc3339.isEmpty()) {
      return Instant.EPOCH;
    }
    return OffsetDateTime.parse(rfc3339).toInstant();
  }

  /** One JSON value a line (Compose 2.21+), or one array (older Compose). */
  private static List<JsonElement> lines(String text) {
    List<JsonElement> out = new ArrayList<>();
    String t = text.strip();
    if (t.startsWith("[")) {
      parse(t, "docker compose").getAsJsonArray().forEach(out::add);
      return out;
    }
    for (String line : t.split("\n")) {
      if (!line.isBlank()) {
        out.add(parse(line, "docker"));
      }
    }
    return out;
  }

  private static JsonElement parse(String json, String what) {
    try {
      return JsonParser.parseString(json);
    } catch (JsonSyntaxException e) {
      throw new IllegalStateException(what + " printed no JSON: " + e.getMessage(), e);
    }
  }

  private static JsonObject obj(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonObject v ? v : new JsonObject();
  }

  private static Optional<String> str(JsonObject o, String key) {
    JsonElement v = o == null ? null : o.get(key);
    return v == null || v.isJsonNull() ? Optional.empty() : Optional.of(v.getAsString());
  }

  private static Map<String, String> strings(JsonObject o) {
    Map<String, String> m = new LinkedHashMap<>();
    o.entrySet()
        .forEach(
            e -> m.put(e.getKey(), e.getValue().isJsonNull() ? "" : e.getValue().getAsString()));
    return m;
  }
}
