package dev.zerotorunning.stack;

import dev.zerotorunning.stack.docker.StackReader;
import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.ServiceConfig;
import dev.zerotorunning.stack.model.Stack;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code services}: service names, one a line, in start order (Compose's depends_on graph; a
 * Compose profile's services last): those the Compose profiles start, or those running now (make
 * restart).
 */
@Command(
    name = "services",
    mixinStandardHelpOptions = true,
    description = "Service names in start order (the depends_on graph), one a line.")
public final class ServicesCommand implements Callable<Integer> {
  @Mixin DockerOptions docker;

  @Option(
      names = "--running",
      description = "The services with a running container, one-shots (migrate) excepted.")
  boolean running;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Stack stack = StackReader.read(docker.docker());
    List<String> names = running ? running(stack) : selection(stack);
    PrintWriter out = spec.commandLine().getOut();
    names.forEach(out::println);
    out.flush();
    return 0;
  }

  /** What make dev starts with the --profiles. */
  private List<String> selection(Stack stack) {
    return stack.started(docker.activeProfiles());
  }

  private static List<String> running(Stack stack) {
    return stack.services().stream()
        .map(ServiceConfig::name)
        .filter(name -> !stack.oneShot(name))
        .filter(name -> stack.containersOf(name).stream().anyMatch(Container::running))
        .toList();
  }
}
