package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.local.ClusterSettings;
import dev.zerotorunning.k8s.local.LocalCommands;
import dev.zerotorunning.k8s.local.ServiceUrls;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code urls}: where each service is reached on the cluster, as make status shows it for Compose,
 * one "SERVICE|URL" line each: kind's published ports (the Services of {@code kubectl get services
 * -o json}) and the port-forwards, labelled by the compose file's {@code dev.zerotorunning.url} and
 * {@code dev.zerotorunning.ports}.
 */
@Command(
    name = "urls",
    mixinStandardHelpOptions = true,
    description = "SERVICE|URL lines for the cluster named by the environment (k8s-gen cluster).")
public final class UrlsCommand implements Callable<Integer> {

  @Mixin ComposeOptions compose;

  @Mixin GeneratedDir generated;

  @Spec CommandSpec spec;

  static Map<String, String> urls(ComposeOptions compose, Path dir) throws Exception {
    Map<String, String> env = System.getenv();
    return new ServiceUrls(ClusterSettings.read(dir, env), new LocalCommands(env), env)
        .urls(compose.labels());
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    urls(compose, generated.dir).forEach((service, url) -> out.println(service + "|" + url));
    out.flush();
    return 0;
  }
}
