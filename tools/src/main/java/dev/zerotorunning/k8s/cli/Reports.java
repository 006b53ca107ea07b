package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.pipeline.Pipeline;
import java.io.PrintWriter;

/** Prints the loader's findings and decides whether the output may be used. */
final class Reports {
  private Reports() {}

  static boolean acceptable(Pipeline.Result result, boolean strict, PrintWriter err) {
    String report = result.report();
    if (!report.isEmpty()) {
      err.print(report);
    }
    if (!result.errors().isEmpty()) {
      err.println(
          "k8s-gen: the generated objects are invalid (a generator bug, please report it):");
      result.errors().forEach(e -> err.println("  " + e));
      return false;
    }
    if (strict && result.project().diagnostics().hasUnsupported()) {
      err.println("k8s-gen: --strict: the compose file uses keys listed as unsupported above");
      return false;
    }
    return true;
  }
}
