package dev.zerotorunning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs the commands the bench measures (make, docker, wrk), with their output and time. */
final class Processes {
  private Processes() {}

  /** A finished command: exit code, stdout and stderr together, wall time. */
  record Ran(List<String> command, int exitCode, String output, long ms) {
    boolean ok() {
      return exitCode == 0;
    }

    /** The last lines of the output, for a failure message. */
    String tail(int lines) {
      List<String> all = output.lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
  }

  static Ran run(Map<String, String> env, List<String> command) {
    long start = System.nanoTime();
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      // A null value removes the variable (e.g. make k8s without the run's COMPOSE_FILE).
      env.forEach(
          (k, v) -> {
            if (v == null) {
              builder.environment().remove(k);
            } else {
              builder.environment().put(k, v);
            }
          });
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      return new Ran(command, exit, output, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  static Ran run(List<String> command) {
    return run(Map.of(), command);
  }
}
