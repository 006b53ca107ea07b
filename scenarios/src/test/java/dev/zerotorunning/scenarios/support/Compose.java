package dev.zerotorunning.scenarios.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Docker Compose and Docker's CLI for one stack, read through their JSON output only. The command
 * is the COMPOSE variable's (default {@code docker compose}), like the Makefile's.
 */
public final class Compose {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

  private final StackUnderTest stack;

  Compose(StackUnderTest stack) {
    this.stack = stack;
  }

  /** {@code docker compose ARGS} in the repository, as make runs it. */
  public Command.Result run(String... args) {
    return runWith(Map.of(), args);
  }

  /** {@code docker compose ARGS} with extra environment, e.g. a setting the compose files read. */
  public Command.Result runWith(Map<String, String> env, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("COMPOSE", "docker compose").split(" ")));
    command.addAll(List.of(args));
    return Command.run(stack.root(), env, COMMAND_TIMEOUT, command);
  }

  /** {@code docker ARGS}. */
  public Command.Result docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return Command.run(stack.root(), Map.of(), COMMAND_TIMEOUT, command);
  }

  /** The id of the service's (first) container, running or not. */
  public String containerId(String service) {
    String ids = run("ps", "--all", "--quiet", "--no-trunc", service).outOrFail().strip();
    if (ids.isEmpty()) {
      throw new AssertionError(
          "no container of service " + service + " in project " + stack.project());
    }
    return ids.lines().findFirst().orElseThrow();
  }

  /** {@code docker inspect} of the service's container. */
  public JsonNode inspect(String service) {
    return parse(docker("inspect", containerId(service)).outOrFail()).path(0);
  }

  /**
   * healthy, unhealthy or starting when the service has a health check, else its state (running,
   * exited).
   */
  public String health(String service) {
    JsonNode state = inspect(service).path("State");
    return state.has("Health")
        ? state.path("Health").path("Status").asText()
        : state.path("Status").asText();
  }

  /** Waits until the service's container reports healthy. */
  public void awaitHealthy(String service, Duration atMost) {
    await("service " + service + " healthy")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> health(service).equals("healthy"));
  }

  /** SQL on the stack's database as its owner: unaligned rows, tuples only. */
  public String psql(String sql) {
    return run(
            "exec",
            "-T",
            "db",
            "sh",
            "-c",
            "psql -v ON_ERROR_STOP=1 -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\" -tAc \"$1\"",
            "sh",
            sql)
        .outOrFail()
        .strip();
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "not JSON: " + json.substring(0, Math.min(200, json.length())), e);
    }
  }
}
