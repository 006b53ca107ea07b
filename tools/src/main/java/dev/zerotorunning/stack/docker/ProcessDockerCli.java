package dev.zerotorunning.stack.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Runs the Docker CLI; Compose as {@code $COMPOSE} says ("docker compose" by default). */
public final class ProcessDockerCli implements DockerCli {
  private enum Mode {
    /** Every Compose profile on: whichever profile started a service, it is reported on. */
    ALL_PROFILES,
    /** The error stream is part of the answer (a container's logs). */
    WITH_ERRORS,
    /** A failure still answers with what was printed (image inspect of a missing image). */
    TOLERANT
  }

  private final List<String> compose;

  public ProcessDockerCli(String composeCommand) {
    this.compose = Arrays.asList(composeCommand.trim().split("\\s+"));
  }

  @Override
  public String composeConfig() {
    return run(composeArgs("config", "--format", "json"), EnumSet.of(Mode.ALL_PROFILES));
  }

  @Override
  public String composePs() {
    return run(composeArgs("ps", "--all", "--format", "json"), EnumSet.of(Mode.ALL_PROFILES));
  }

  @Override
  public String inspect(List<String> ids) {
    return ids.isEmpty() ? "[]" : run(docker("inspect", ids), EnumSet.noneOf(Mode.class));
  }

  @Override
  public String configHashes() {
    // the caller's profiles: the services make dev would start
    return run(composeArgs("config", "--hash", "*"), EnumSet.noneOf(Mode.class));
  }

  @Override
  public String imageInspect(List<String> refs) {
    if (refs.isEmpty()) {
      return "[]";
    }
    String out = run(docker("image inspect", refs), EnumSet.of(Mode.TOLERANT));
    return out.isBlank() ? "[]" : out;
  }

  @Override
  public String logs(String id, int lines) {
    return run(
        docker("logs --tail " + lines, List.of(id)), EnumSet.of(Mode.WITH_ERRORS, Mode.TOLERANT));
  }

  @Override
  public String version() {
    return run(docker("version --format json", List.of()), EnumSet.noneOf(Mode.class));
  }

  @Override
  public String composeVersion() {
    return run(composeArgs("version", "--short"), EnumSet.noneOf(Mode.class)).strip();
  }

  @Override
  public String dockerRootDir() {
    return run(docker("info --format {{.DockerRootDir}}", List.of()), EnumSet.of(Mode.TOLERANT))
        .strip();
  }

  @Override
  public String dockerPs() {
    return run(docker("ps --format json", List.of()), EnumSet.of(Mode.TOLERANT));
  }

  @Override
  public String socketTable() {
    for (List<String> command :
        List.of(List.of("ss", "-ltnp"), List.of("lsof", "-nP", "-iTCP", "-sTCP:LISTEN"))) {
      try {
        return run(command, EnumSet.of(Mode.TOLERANT));
      } catch (UncheckedIOException notInstalled) {
        // the next one
      }
    }
    return "";
  }

  @Override
  public boolean probesPorts() {
    return true;
  }

  private List<String> composeArgs(String... args) {
    List<String> all = new ArrayList<>(compose);
    all.addAll(List.of(args));
    return all;
  }

  private static List<String> docker(String command, List<String> args) {
    List<String> all = new ArrayList<>(List.of("docker"));
    all.addAll(List.of(command.split(" ")));
    all.addAll(args);
    return all;
  }

  private static String run(List<String> command, Set<Mode> modes) {
    try {
      Path err = Files.createTempFile("stack-docker", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (modes.contains(Mode.WITH_ERRORS)) {
          pb.redirectErrorStream(true);
        } else {
          pb.redirectError(err.toFile());
        }
        if (modes.contains(Mode.ALL_PROFILES)) {
          pb.environment().put("COMPOSE_PROFILES", "*");
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 && !modes.contains(Mode.TOLERANT)) {
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
