package dev.zerotorunning.k8s.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The generator's output directory, for the commands that run against a cluster. */
public final class GeneratedDir {
  @Option(
      names = "--dir",
      defaultValue = "${env:K8S_DIR:-k8s-generated}",
      description = "Generated directory (default: ${DEFAULT-VALUE}).")
  Path dir;
}
