package dev.zerotorunning.k8s.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs kind, kubectl and docker as the shell would: found on PATH (so tests' recording fakes stand
 * in), output captured. A command that is not installed is an exit code of 127, as in the shell.
 */
public final class LocalCommands {
  private final Map<String, String> env;

  public LocalCommands(Map<String, String> env) {
    this.env = env;
  }

  /** The exit code and the output (stdout, then stderr when {@code withErrors}). */
  public record Result(int exit, String output) {
    public boolean ok() {
      return exit == 0;
    }

    /** The last non-blank line, for one-line messages. */
    public String lastLine() {
      List<String> lines = output.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  public boolean installed(String tool) {
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  public Result run(List<String> command, boolean withErrors) {
    if (!installed(command.get(0))) {
      return new Result(127, command.get(0) + ": command not found");
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
      if (withErrors) {
        pb.redirectErrorStream(true);
      } else {
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      }
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** kubectl with the cluster's context, and the namespace when given. */
  public Result kubectl(ClusterSettings cluster, boolean namespaced, String... args) {
    return run(kubectlCommand(cluster, namespaced, List.of(args)), true);
  }

  /** The command line of kubectl with the cluster's context, and the namespace when given. */
  public static List<String> kubectlCommand(
      ClusterSettings cluster, boolean namespaced, List<String> args) {
    List<String> command = new ArrayList<>(List.of("kubectl", "--context", cluster.context()));
    if (namespaced) {
      command.addAll(List.of("--namespace", cluster.namespace()));
    }
    command.addAll(args);
    return command;
  }
}
