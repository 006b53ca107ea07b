package dev.zerotorunning.stack;

import dev.zerotorunning.stack.current.Currency;
import dev.zerotorunning.stack.docker.DockerCli;
import dev.zerotorunning.stack.docker.StackReader;
import dev.zerotorunning.stack.model.Stack;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code current}: exits 0 when the stack runs, healthy, from the current configuration and images
 * with as many containers as configured (make dev then starts nothing), else 1.
 */
@Command(
    name = "current",
    mixinStandardHelpOptions = true,
    description = "Exit 0 when the stack is up, healthy and current; else 1.")
public final class CurrentCommand implements Callable<Integer> {
  @Mixin DockerOptions docker;

  @Option(names = "--why", description = "Print what is not current.")
  boolean why;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DockerCli cli = docker.docker();
    Stack stack = StackReader.read(cli);
    Optional<String> stale =
        Currency.staleness(
            stack,
            StackReader.hashes(cli.configHashes()),
            StackReader.imageIds(
                cli.imageInspect(
                    stack.containers().stream().map(c -> c.image()).distinct().toList())));
    if (why) {
      spec.commandLine().getOut().println(stale.orElse("current"));
      spec.commandLine().getOut().flush();
    }
    return stale.isPresent() ? 1 : 0;
  }
}
