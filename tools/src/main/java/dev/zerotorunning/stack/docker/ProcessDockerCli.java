package dev.zerotorunning.stack.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the Docker CLI; Compose as {@code $COMPOSE} says ("docker compose" by default). */
public final class ProcessDockerCli implements DockerCli {
  private final List<String> compose;

  public ProcessDockerCli(String composeCommand) {
    this.compose = Arrays.asList(composeCommand.trim().split("\\s+"));
  }

  @Override
  public String composeConfig() {
    return run(composeArgs("config", "--format", "json"));
  }

  @Override
  public String composePs() {
    return run(composeArgs("ps", "--all", "--format", "json"));
  }

  @Override
  public String inspect(List<String> ids) {
    if (ids.isEmpty()) {
      return "[]";
    }
    List<String> args = new ArrayList<>(List.of("docker", "inspect"));
    args.addAll(ids);
    return run(args);
  }

  @Override
  public String logs(String id, int lines) {
    return run(List.of("docker", "logs", "--tail", String.valueOf(lines), id), true);
  }

  private List<String> composeArgs(String... args) {
    List<String> all = new ArrayList<>(compose);
    all.addAll(List.of(args));
    return all;
  }

  private static String run(List<String> command) {
    return run(command, false);
  }

  /** The command's output; with {@code mergeErrors} its error stream too (a container's logs). */
  private static String run(List<String> command, boolean mergeErrors) {
    try {
      Path err = Files.createTempFile("stack-docker", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (mergeErrors) {
          pb.redirectErrorStream(true);
        } else {
          pb.redirectError(err.toFile());
        }
        // whichever profile started a service, it is part of the stack to report on
        pb.environment().put("COMPOSE_PROFILES", "*");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          String reason = Files.readString(err).strip().replace('\n', ' ');
          throw new IllegalStateException(
              String.join(" ", command) + " failed" + (reason.isEmpty() ? "" : ": " + reason));
        }
        return out;
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot run " + command.get(0) + " (" + e.getMessage() + "). Fix: install Docker", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
