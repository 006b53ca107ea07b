package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.local.PodHints;
import dev.zerotorunning.stack.Style;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hint}: reads {@code kubectl get pod -o json} on stdin, prints why it may not be ready. */
@Command(
    name = "hint",
    mixinStandardHelpOptions = true,
    description = "Print a hint for a pod that is not ready (kubectl JSON on stdin), on stderr.")
public final class HintCommand implements Callable<Integer> {
  @Option(names = "--service", required = true, description = "The pod's service.")
  String service;

  @Option(
      names = "--base",
      defaultValue = "k8s-generated/base",
      description = "Generated base directory (default: ${DEFAULT-VALUE}).")
  String base;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String json = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    spec.commandLine()
        .getErr()
        .println(Style.ofTerminal().yellow("!") + " " + PodHints.hint(json, service, base));
    spec.commandLine().getErr().flush();
    return 0;
  }
}
