package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.local.StatusTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status}: reads {@code kubectl get statefulsets,deployments,jobs,pods -o json} on stdin and
 * prints the status table; {@code make status K8S=1} pipes one into the other.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Print the workloads table from kubectl JSON on stdin.")
public final class StatusCommand implements Callable<Integer> {

  @Option(
      names = "--url",
      paramLabel = "SERVICE=URL",
      description = "Where a workload is reached (repeatable).")
  List<String> urls = new ArrayList<>();

  @Option(
      names = "--cluster-urls",
      description = "Add each service's URL on the cluster (see urls; --compose-file, --dir).")
  boolean clusterUrls;

  @Mixin ComposeOptions compose;

  @Mixin GeneratedDir generated;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, String> byService =
        clusterUrls ? new TreeMap<>(UrlsCommand.urls(compose, generated.dir)) : new TreeMap<>();
    for (String u : urls) {
      String[] kv = u.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--url " + u + ": expected SERVICE=URL");
      }
      byService.put(kv[0], kv[1]);
    }
    String json = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    List<List<String>> rows = StatusTable.rows(json, byService);
    if (rows.isEmpty()) {
      spec.commandLine()
          .getOut()
          .println("The stack is not running. Start it with: make dev K8S=1");
    } else {
      spec.commandLine().getOut().print(StatusTable.format(rows));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
