package dev.zerotorunning.stack;

import dev.zerotorunning.stack.docker.StackReader;
import dev.zerotorunning.stack.model.ServiceConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replicas SERVICE}: the container count the configuration sets (make scale-worker). */
@Command(
    name = "replicas",
    mixinStandardHelpOptions = true,
    description = "Print a service's configured container count (deploy.replicas, scale; else 1).")
public final class ReplicasCommand implements Callable<Integer> {
  @Mixin DockerOptions docker;

  @Parameters(paramLabel = "SERVICE")
  String service;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ServiceConfig s =
        StackReader.read(docker.docker())
            .service(service)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no service " + service + " in the configuration"));
    spec.commandLine().getOut().println(s.replicas());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
