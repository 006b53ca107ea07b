package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.local.ClusterPreflight;
import dev.zerotorunning.k8s.local.ClusterSettings;
import dev.zerotorunning.k8s.local.LocalCommands;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cluster}: the settings of scripts/k8s (namespace, kind cluster, part-of label, the cluster
 * choice, its kubectl context, the image load command) as bash {@code export} lines, once what
 * {@code --require} names is there. A missing tool, cluster or workload is one line with the fix on
 * stderr, and exit 1.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Print the cluster settings as bash exports, after the checks --require names.")
public final class ClusterCommand implements Callable<Integer> {
  enum Require {
    /** Nothing: the names only. */
    none,
    /** kind is installed (make k8s-clean); says whether the cluster exists. */
    kind,
    /** What make dev K8S=1 needs before it builds; says whether the kind cluster exists. */
    up,
    /** A cluster that answers: kind's exists, or the current context is set. */
    cluster
  }

  @Mixin GeneratedDir generated;

  @Option(names = "--require", defaultValue = "cluster", description = "${COMPLETION-CANDIDATES}")
  Require require;

  @Option(names = "--workload", description = "Export WORKLOAD (kind/name) of this service.")
  String workload;

  @Option(names = "--target", defaultValue = "shell", description = "The make target, for a fix.")
  String target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    ClusterSettings s = ClusterSettings.read(generated.dir, env);
    StringBuilder out = new StringBuilder();
    if (workload != null) {
      out.append(ClusterSettings.export("WORKLOAD", s.workload(workload, target)));
    }
    ClusterPreflight preflight = new ClusterPreflight(new LocalCommands(env));
    switch (require) {
      case kind -> preflight.needKind();
      case up -> s = preflight.requireUp(s);
      case cluster -> s = preflight.requireCluster(s);
      case none -> {}
    }
    if (require == Require.kind || (require == Require.up && s.kind())) {
      out.append(
          ClusterSettings.export(
              "KIND_EXISTS", String.valueOf(preflight.kindClusterExists(s.kindCluster()))));
    }
    PrintWriter w = spec.commandLine().getOut();
    w.print(out.append(s.exports()));
    w.flush();
    return 0;
  }
}
