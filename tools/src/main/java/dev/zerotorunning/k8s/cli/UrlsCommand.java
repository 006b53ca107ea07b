package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.stack.model.ServiceConfig;
import dev.zerotorunning.stack.summary.Urls;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code urls}: where each service is reached on the cluster, as make status shows it for Compose:
 * reads "SERVICE HOST_PORT CONTAINER_PORT" lines (kind's published ports and the port-forwards) on
 * stdin and prints "SERVICE|URL" lines, by service, from the compose file's {@code
 * dev.zerotorunning.url} and {@code dev.zerotorunning.ports} labels (the Compose summary's).
 */
@Command(
    name = "urls",
    mixinStandardHelpOptions = true,
    description = "SERVICE|URL lines from SERVICE HOST_PORT CONTAINER_PORT lines on stdin.")
public final class UrlsCommand implements Callable<Integer> {

  @Mixin ComposeOptions compose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Map<String, String>> labels = compose.labels();
    Map<String, Map<String, String>> published = new TreeMap<>();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3) {
        published.computeIfAbsent(f[0], s -> new LinkedHashMap<>()).putIfAbsent(f[2], f[1]);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    published.forEach(
        (service, ports) -> {
          ServiceConfig config =
              new ServiceConfig(
                  service,
                  List.of(),
                  Map.of(),
                  labels.getOrDefault(service, Map.of()),
                  1,
                  List.of());
          out.println(service + "|" + Urls.of(config, ports, ""));
        });
    out.flush();
    return 0;
  }
}
