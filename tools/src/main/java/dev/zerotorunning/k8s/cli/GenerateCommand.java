package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: writes the kustomize base and kind config, or nothing at all when anything is
 * wrong.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write the Kubernetes manifests for the compose file to --out.")
public final class GenerateCommand implements Callable<Integer> {

  @Mixin ComposeOptions compose;

  @Option(
      names = "--out",
      defaultValue = "k8s-generated",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--strict", description = "Fail when a compose key has no Kubernetes mapping.")
  boolean strict;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Pipeline.Result result = Pipeline.run(compose.load());
    if (!Reports.acceptable(result, strict, spec.commandLine().getErr())) {
      return 1;
    }
    result.output().write(out);
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "k8s-gen: wrote "
            + result.output().files().size()
            + " files to "
            + out
            + " (namespace "
            + result.manifests().namespace()
            + ")");
    return 0;
  }
}
