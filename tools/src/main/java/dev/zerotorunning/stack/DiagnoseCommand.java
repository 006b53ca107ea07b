package dev.zerotorunning.stack;

import dev.zerotorunning.stack.diagnose.Diagnosis;
import dev.zerotorunning.stack.diagnose.DiagnosisText;
import dev.zerotorunning.stack.docker.DockerCli;
import dev.zerotorunning.stack.docker.StackReader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diagnose}: after a failed make dev, what is wrong with which service. Exits 1. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = "Each service that is not up: its last health check, last log lines and a hint.")
public final class DiagnoseCommand implements Callable<Integer> {
  @Mixin DockerOptions docker;
  @Mixin OutputOptions output;

  @Option(
      names = "--services",
      defaultValue = "${env:DEV_SERVICES:-}",
      description = "The services make dev started (default: $DEV_SERVICES; empty: all).")
  String services;

  @Option(
      names = "--wait-timeout",
      defaultValue = "${env:DEV_WAIT_TIMEOUT:-300}",
      description = "The seconds make dev waited (default: $DEV_WAIT_TIMEOUT).")
  String waitTimeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DockerCli cli = docker.docker();
    List<String> only =
        Arrays.stream(services.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    Diagnosis d = Diagnosis.of(StackReader.read(cli), only, docker.activeProfiles(), cli::logs);
    spec.commandLine().getOut().print(DiagnosisText.render(d, output.style(), waitTimeout));
    spec.commandLine().getOut().flush();
    return 1;
  }
}
