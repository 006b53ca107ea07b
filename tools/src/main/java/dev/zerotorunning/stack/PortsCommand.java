package dev.zerotorunning.stack;

import dev.zerotorunning.stack.docker.StackReader;
import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.ServiceConfig;
import dev.zerotorunning.stack.model.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ports}: the host ports make dev's services publish, for the preflight, one line each:
 * "PORT SERVICE VARIABLE OURS". VARIABLE is the .env.example *_PORT variable whose value (in the
 * environment) is the port, "-" for none; OURS is 1 when a running container of this project
 * publishes it already (make dev while up), else 0.
 */
@Command(
    name = "ports",
    mixinStandardHelpOptions = true,
    description = "The host ports the stack publishes: PORT SERVICE VARIABLE OURS lines.")
public final class PortsCommand implements Callable<Integer> {
  private static final Pattern PORT_VARIABLE =
      Pattern.compile("^([A-Z_]*_PORT)=", Pattern.MULTILINE);

  @Mixin DockerOptions docker;

  @Option(
      names = "--services",
      defaultValue = "${env:DEV_SERVICES:-}",
      description = "Only these services (default: $DEV_SERVICES; empty: what make dev starts).")
  String services;

  @Option(
      names = "--env-example",
      defaultValue = ".env.example",
      description = "Where the *_PORT variables are declared.")
  Path envExample;

  @Option(
      names = "--env",
      hidden = true,
      paramLabel = "NAME=VALUE",
      description = "A variable's value instead of the environment's (tests).")
  Map<String, String> env = new java.util.HashMap<>(System.getenv());

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Stack stack = StackReader.read(docker.docker());
    List<String> only =
        Arrays.stream(services.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    List<String> wanted = only.isEmpty() ? stack.started(docker.activeProfiles()) : only;
    Set<String> ours = new HashSet<>();
    stack.containers().stream()
        .filter(Container::running)
        .forEach(c -> c.ports().values().forEach(ours::addAll));
    List<String> variables = new ArrayList<>();
    Matcher m = PORT_VARIABLE.matcher(Files.readString(envExample));
    while (m.find()) {
      variables.add(m.group(1));
    }
    for (ServiceConfig s : stack.services()) {
      if (!wanted.contains(s.name())) {
        continue;
      }
      for (String port : s.published()) {
        String variable =
            variables.stream().filter(v -> port.equals(env.get(v))).findFirst().orElse("-");
        spec.commandLine()
            .getOut()
            .println(port + " " + s.name() + " " + variable + " " + (ours.contains(port) ? 1 : 0));
      }
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
