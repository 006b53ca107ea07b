package dev.zerotorunning.k8s.local;

import dev.zerotorunning.k8s.load.DotEnv;
import dev.zerotorunning.k8s.local.ClusterPorts.Route;
import dev.zerotorunning.stack.model.ServiceConfig;
import dev.zerotorunning.stack.summary.Urls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where each service is reached on the cluster (kind's published ports and the port-forwards), as
 * make status formats Compose's from the {@code dev.zerotorunning.*} labels.
 */
public final class ServiceUrls {
  private final ClusterSettings cluster;
  private final LocalCommands commands;
  private final Map<String, String> env;

  public ServiceUrls(ClusterSettings cluster, LocalCommands commands, Map<String, String> env) {
    this.cluster = cluster;
    this.commands = commands;
    this.env = env;
  }

  /** A variable from the shell, else from .env (Compose's precedence). */
  public Function<String, String> variables() throws IOException {
    Path dotEnv = Path.of(".env");
    Map<String, String> file =
        Files.isRegularFile(dotEnv)
            ? DotEnv.read(dotEnv, name -> Optional.ofNullable(env.get(name)))
            : Map.of();
    return name -> env.containsKey(name) ? env.get(name) : file.get(name);
  }

  /** The port-forwards; with {@code published}, kind's ports too (no mapping exists off kind). */
  public List<Route> forwards(boolean published) throws IOException {
    List<Route> routes =
        new ArrayList<>(
            ClusterPorts.forwards(
                env.getOrDefault("K8S_PORT_FORWARDS", ClusterPorts.DEFAULT_FORWARDS), variables()));
    if (published) {
      routes.addAll(published());
    }
    return routes;
  }

  /** The Services behind kind's published ports, from the cluster's Services. */
  public List<Route> published() throws IOException {
    LocalCommands.Result services =
        commands.kubectl(cluster, true, "get", "services", "-o", "json");
    return ClusterPorts.published(
        ClusterPorts.kindMappings(cluster.dir().resolve("kind-config.yaml")),
        services.ok() ? services.output() : "");
  }

  /** Per service, its URL. */
  public Map<String, String> urls(Map<String, Map<String, String>> labels) throws IOException {
    List<Route> routes = new ArrayList<>();
    if (cluster.kind()) {
      routes.addAll(published());
    }
    routes.addAll(forwards(!cluster.kind()));
    return format(routes, labels);
  }

  static Map<String, String> format(List<Route> routes, Map<String, Map<String, String>> labels) {
    Map<String, Map<String, String>> byService = new TreeMap<>();
    for (Route r : routes) {
      byService
          .computeIfAbsent(r.service(), s -> new LinkedHashMap<>())
          .putIfAbsent(String.valueOf(r.port()), String.valueOf(r.hostPort()));
    }
    Map<String, String> out = new TreeMap<>();
    byService.forEach(
        (service, ports) ->
            out.put(
                service,
                Urls.of(
                    new ServiceConfig(
                        service,
                        List.of(),
                        Map.of(),
                        labels.getOrDefault(service, Map.of()),
                        1,
                        List.of()),
                    ports,
                    "")));
    return out;
  }
}
