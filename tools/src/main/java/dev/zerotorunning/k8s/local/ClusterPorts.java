package dev.zerotorunning.k8s.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.zerotorunning.k8s.load.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which host ports reach which Service: the ones kind publishes (kind-config.yaml's
 * extraPortMappings, whose container port is a Service's node port, as {@code kubectl get services
 * -o json} says) and the port-forwards of make port-forward K8S=1, at Compose's host ports.
 */
public final class ClusterPorts {
  /**
   * The forwards, as "service:VARIABLE:port": the .env variable (the one compose.override.yaml
   * publishes it with) gives the host port, so scripts and IDE settings work unchanged on both.
   */
  public static final String DEFAULT_FORWARDS =
      "api:API_PORT:8080 api:API_ADMIN_PORT:8081 db:DB_PORT:5432 redis:REDIS_PORT:6379";

  private ClusterPorts() {}

  /** A host port and where it leads. */
  public record Route(String service, int hostPort, int port) {}

  /** A port kind publishes on the host: the node port behind it, and the address. */
  public record KindMapping(int nodePort, int hostPort, String listenAddress) {}

  public static List<KindMapping> kindMappings(Path kindConfig) throws IOException {
    Map<String, Object> config =
        YamlFiles.parseMap(Files.readString(kindConfig), kindConfig.toString());
    List<KindMapping> out = new ArrayList<>();
    for (Object node : list(config.get("nodes"))) {
      for (Object m : list(((Map<?, ?>) node).get("extraPortMappings"))) {
        Map<?, ?> mapping = (Map<?, ?>) m;
        out.add(
            new KindMapping(
                number(mapping.get("containerPort")),
                number(mapping.get("hostPort")),
                String.valueOf(
                    mapping.get("listenAddress") == null
                        ? "0.0.0.0"
                        : mapping.get("listenAddress"))));
      }
    }
    return out;
  }

  /**
   * Per kind mapping, the Service that owns its node port ({@code kubectl get services -o json}).
   */
  public static List<Route> published(List<KindMapping> mappings, String servicesJson) {
    List<Route> out = new ArrayList<>();
    JsonElement root = servicesJson.isBlank() ? null : JsonParser.parseString(servicesJson);
    if (root == null || !root.isJsonObject() || !root.getAsJsonObject().has("items")) {
      return out;
    }
    for (KindMapping m : mappings) {
      services:
      for (JsonElement item : root.getAsJsonObject().getAsJsonArray("items")) {
        JsonObject service = item.getAsJsonObject();
        JsonObject spec = service.getAsJsonObject("spec");
        if (spec == null || !spec.has("ports")) {
          continue;
        }
        for (JsonElement p : spec.getAsJsonArray("ports")) {
          JsonObject port = p.getAsJsonObject();
          if (port.has("nodePort") && port.get("nodePort").getAsInt() == m.nodePort()) {
            String name = service.getAsJsonObject("metadata").get("name").getAsString();
            out.add(new Route(name, m.hostPort(), port.get("port").getAsInt()));
            break services;
          }
        }
      }
    }
    return out;
  }

  /** The port-forwards, each host port from {@code env} (the shell, then .env), else the port. */
  public static List<Route> forwards(String spec, Function<String, String> env) {
    List<Route> out = new ArrayList<>();
    for (String f : spec.trim().split("\\s+")) {
      String[] parts = f.split(":");
      if (parts.length != 3) {
        throw new Refusal(
            "K8S_PORT_FORWARDS: "
                + f
                + " is not service:VARIABLE:port. Fix: e.g. api:API_PORT:8080");
      }
      String value = env.apply(parts[1]);
      String host = value == null || value.isBlank() ? parts[2] : value.trim();
      out.add(new Route(parts[0], number(host), number(parts[2])));
    }
    return out;
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static int number(Object o) {
    try {
      return Integer.parseInt(String.valueOf(o).trim());
    } catch (NumberFormatException e) {
      throw new Refusal("not a port number: " + o + ". Fix: set it to a number in .env");
    }
  }
}
