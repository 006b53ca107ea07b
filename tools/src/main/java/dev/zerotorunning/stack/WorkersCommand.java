package dev.zerotorunning.stack;

import dev.zerotorunning.stack.docker.StackReader;
import dev.zerotorunning.stack.workers.WorkerSpread;
import dev.zerotorunning.stack.workers.WorkerSpread.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code workers}: make workers' table. The workers are the containers of {@code --service}
 * (Compose; a worker's consumer name is its hostname) or the lines of {@code --workers} (make
 * workers K8S=1: the pods).
 */
@Command(
    name = "workers",
    mixinStandardHelpOptions = true,
    description = "The workers and how the last hour's rollouts spread over them.")
public final class WorkersCommand implements Callable<Integer> {
  @Mixin DockerOptions docker;
  @Mixin OutputOptions output;

  @Option(
      names = "--spread",
      required = true,
      paramLabel = "FILE",
      description = "The JSON of scripts/worker-spread.sql.")
  Path spread;

  @Option(
      names = "--service",
      defaultValue = "worker",
      description = "The worker's Compose service (default: worker).")
  String service;

  @Option(
      names = "--workers",
      paramLabel = "FILE",
      description = "LABEL|CONSUMER|STATE lines instead of the Compose containers (Kubernetes).")
  Path workers;

  @Option(
      names = "--api",
      paramLabel = "URL",
      description = "The API's base URL: print how to create rollouts to watch there.")
  String api;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<Worker> list = new ArrayList<>();
    if (workers != null) {
      for (String line : Files.readAllLines(workers)) {
        String[] f = line.split("\\|", -1);
        if (f.length == 3 && !f[1].isEmpty()) {
          list.add(new Worker(f[0], f[1], f[2]));
        }
      }
    } else {
      StackReader.read(docker.docker()).containersOf(service).stream()
          .map(
              c ->
                  new Worker(
                      service + "-" + c.number(),
                      c.hostname(),
                      c.running() ? c.health().orElse("running") : c.status()))
          .forEach(list::add);
    }
    String json = Files.readString(spread);
    spec.commandLine().getOut().print(Table.format(WorkerSpread.rows(list, json), output.style()));
    spec.commandLine().getOut().println(WorkerSpread.totals(json));
    if (api != null) {
      spec.commandLine().getOut().print("\n" + WorkerSpread.rolloutHint(api));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
