package dev.zerotorunning.stack;

import dev.zerotorunning.stack.docker.DockerCli;
import dev.zerotorunning.stack.docker.ProcessDockerCli;
import dev.zerotorunning.stack.docker.RecordedDockerCli;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Where Docker's answers come from (the CLI, or answers recorded earlier), the Compose profiles on,
 * and the clock.
 */
public final class DockerOptions {
  @Option(
      names = "--compose",
      defaultValue = "${env:COMPOSE:-docker compose}",
      description = "The Compose command (default: $COMPOSE, else docker compose).")
  String compose;

  @Option(
      names = "--docker-json",
      paramLabel = "DIR",
      description =
          "Read Docker's answers recorded in DIR (compose-config.json, compose-ps.json,"
              + " inspect.json) instead of running docker.")
  Path recorded;

  @Option(
      names = "--profiles",
      defaultValue = "${env:COMPOSE_PROFILES:-}",
      description = "The Compose profiles make dev runs with (default: $COMPOSE_PROFILES).")
  String profiles;

  @Option(names = "--now", hidden = true, description = "The current time (RFC 3339), for tests.")
  String now;

  public DockerCli docker() {
    return recorded != null ? new RecordedDockerCli(recorded) : new ProcessDockerCli(compose);
  }

  /** The profiles named, "*" for all. */
  public Set<String> activeProfiles() {
    return Arrays.stream(profiles.split(","))
        .map(String::trim)
        .filter(p -> !p.isEmpty())
        .collect(Collectors.toSet());
  }

  public Instant now() {
    return now != null ? Instant.parse(now) : Instant.now();
  }
}
