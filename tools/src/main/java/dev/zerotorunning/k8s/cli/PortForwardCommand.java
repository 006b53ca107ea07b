package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.local.ClusterPorts;
import dev.zerotorunning.k8s.local.ClusterPorts.Route;
import dev.zerotorunning.k8s.local.ClusterSettings;
import dev.zerotorunning.k8s.local.LocalCommands;
import dev.zerotorunning.k8s.local.PortForwards;
import dev.zerotorunning.k8s.local.ServiceUrls;
import dev.zerotorunning.stack.Style;
import dev.zerotorunning.stack.docker.ProcessDockerCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code port-forward start|stop|check}: make port-forward K8S=1 (also the end of make dev K8S=1;
 * make down K8S=1 stops it) publishes the API, admin, PostgreSQL and Redis on 127.0.0.1 at
 * Compose's host ports (K8S_PORT_FORWARDS, values from the shell then .env). {@code check} needs no
 * cluster: the forwarded ports are free, and with {@code --kind} also the ones kind publishes when
 * it creates the cluster.
 */
@Command(
    name = "port-forward",
    mixinStandardHelpOptions = true,
    description = "Start, stop or check the port-forwards of the cluster the environment names.")
public final class PortForwardCommand implements Callable<Integer> {
  enum Action {
    start,
    stop,
    check
  }

  @Parameters(index = "0", description = "${COMPLETION-CANDIDATES}")
  Action action;

  @Mixin GeneratedDir generated;

  @Option(
      names = "--local-dir",
      defaultValue = "${env:K8S_LOCAL_DIR:-.k8s-local}",
      description = "Where the pids and logs go (default: ${DEFAULT-VALUE}).")
  Path localDir;

  @Option(
      names = "--timeout",
      defaultValue = "${env:K8S_TIMEOUT:-300s}",
      description = "How long a forward may take to listen (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--kind-exists",
      arity = "1",
      defaultValue = "true",
      description = "check: false also checks the host ports kind publishes when it creates it.")
  boolean kindExists;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    LocalCommands commands = new LocalCommands(env);
    // the socket table and the containers only: no Compose command is run
    PortForwards forwards = new PortForwards(localDir, new ProcessDockerCli("docker compose"));
    if (action == Action.stop) {
      forwards.stop();
      return 0;
    }
    ClusterSettings cluster = ClusterSettings.read(generated.dir, env);
    ServiceUrls urls = new ServiceUrls(cluster, commands, env);
    if (action == Action.check) {
      if (cluster.kind() && !kindExists) {
        forwards.checkKind(ClusterPorts.kindMappings(generated.dir.resolve("kind-config.yaml")));
      }
      forwards.check(urls.forwards(false));
      return 0;
    }
    List<Route> routes = urls.forwards(!cluster.kind());
    forwards.start(cluster, routes, seconds(timeout));
    spec.commandLine()
        .getOut()
        .println(
            Style.ofTerminal()
                .ok(
                    "port-forward: "
                        + routes.stream()
                            .map(r -> r.service() + " 127.0.0.1:" + r.hostPort())
                            .collect(Collectors.joining(", "))
                        + " (logs: "
                        + localDir
                        + "/port-forward-*.log; make down K8S=1 stops them)"));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** "300s" or "300" -> 300 s; anything else: 300 s. */
  static Duration seconds(String timeout) {
    String digits = timeout.endsWith("s") ? timeout.substring(0, timeout.length() - 1) : timeout;
    return Duration.ofSeconds(digits.matches("\\d+") ? Long.parseLong(digits) : 300);
  }
}
