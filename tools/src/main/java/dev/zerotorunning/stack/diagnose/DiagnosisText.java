package dev.zerotorunning.stack.diagnose;

import dev.zerotorunning.stack.Style;
import dev.zerotorunning.stack.model.Probe;
import java.util.stream.Collectors;

/** The diagnosis as make dev prints it when the stack did not come up. */
public final class DiagnosisText {
  private DiagnosisText() {}

  /**
   * @param waitTimeout DEV_WAIT_TIMEOUT as make dev used it
   */
  public static String render(Diagnosis d, Style style, String waitTimeout) {
    StringBuilder out = new StringBuilder();
    for (Diagnosis.Finding f : d.findings()) {
      if (f.waiting()) {
        line(out, style.fail(f.service() + ": " + f.problem() + " (it waits for a service above)"));
        continue;
      }
      out.append('\n');
      line(out, style.fail(f.service() + ": " + f.problem()));
      f.lastProbe()
          .ifPresent(
              p -> {
                line(out, style.bold("-- last health check:"));
                line(out, "   exit code " + p.exitCode() + meaning(p));
                p.output().lines().filter(l -> !l.isBlank()).forEach(l -> line(out, "   " + l));
              });
      line(out, style.bold("-- last 30 log lines:"));
      line(
          out,
          f.logs().isEmpty()
              ? "   "
              : f.logs().stream().map(l -> "   " + l).collect(Collectors.joining("\n")));
      line(out, style.yellow("hint:") + " " + f.hint());
    }
    out.append('\n');
    if (d.findings().isEmpty()) {
      line(
          out,
          style.fail(
              "make dev: docker compose up failed (its message is above), yet every service is up"
                  + " now. Run make dev again; if it timed out, raise DEV_WAIT_TIMEOUT (now "
                  + waitTimeout
                  + "s) in .env."));
    } else {
      String names =
          d.findings().stream().map(Diagnosis.Finding::service).collect(Collectors.joining(" "));
      line(
          out,
          style.fail(
              "make dev: not healthy: "
                  + names
                  + ". The stack is left up for inspection: make status, make logs SVC="
                  + d.findings().get(0).service()
                  + ", make down."));
    }
    return out.toString();
  }

  /** wget -q prints nothing: its exit code says what went wrong. */
  private static String meaning(Probe p) {
    return switch (p.exitCode()) {
      case 4 -> " (wget: no connection yet)";
      case 8 -> " (wget: HTTP error status, e.g. 503)";
      default -> "";
    };
  }

  private static void line(StringBuilder out, String s) {
    out.append(s).append('\n');
  }
}
