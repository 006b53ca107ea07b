package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.emit.OutputTree;
import dev.zerotorunning.k8s.emit.StaleDiff;
import dev.zerotorunning.k8s.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check}: the drift gate; exit 1 with a unified diff when the committed output is stale. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Fail with a diff when --out differs from what generate would write.")
public final class CheckCommand implements Callable<Integer> {

  @Mixin ComposeOptions compose;

  @Option(
      names = "--out",
      defaultValue = "k8s-generated",
      description = "Directory to check (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--strict", description = "Fail when a compose key has no Kubernetes mapping.")
  boolean strict;

  @Option(
      names = "--regenerate-hint",
      defaultValue = "make k8s",
      description = "Command named in the failure message.")
  String hint;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Pipeline.Result result = Pipeline.run(compose.load());
    if (!Reports.acceptable(result, strict, err)) {
      return 1;
    }
    String diff =
        StaleDiff.between(OutputTree.onDisk(out), result.output().files(), out.toString());
    if (!diff.isEmpty()) {
      spec.commandLine().getOut().print(diff);
      spec.commandLine().getOut().flush();
      err.println(
          "k8s-gen: "
              + out
              + " is stale for "
              + compose.composeFileNames()
              + ": run `"
              + hint
              + "` and commit the result");
      return 1;
    }
    err.println("k8s-gen: " + out + " is up to date");
    return 0;
  }
}
