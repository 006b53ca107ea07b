package dev.zerotorunning.scenarios.security;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Command;
import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Compose project the security checks look at: its name as Compose resolves it
 * (COMPOSE_PROJECT_NAME, else compose.yaml's {@code name:}), its containers, images and files.
 */
final class Project {
  private static final Duration GIT_TIMEOUT = Duration.ofMinutes(1);

  final StackUnderTest stack = StackUnderTest.fromEnvironment();
  final Compose compose = stack.compose();
  final String name = config(Map.of()).path("name").asText();
  private Boolean up;

  /** {@code docker compose config --format json} with extra environment (e.g. COMPOSE_FILE). */
  JsonNode config(Map<String, String> env) {
    return Compose.parse(compose.runWith(env, "config", "--format", "json").outOrFail());
  }

  /** The ids of the project's service containers (one-offs left out), running or not. */
  List<String> containers() {
    return containersLabelled("com.docker.compose.oneoff=False");
  }

  /** Skips the calling checks, with the reason, when the project has no containers (asked once). */
  void assumeUp() {
    if (up == null) {
      up = !containers().isEmpty();
    }
    assumeTrue(
        up, "compose project " + name + " is not running: live port, user and HTTP checks skipped");
  }

  /** The containers of a service, running or not; empty when it has none. */
  List<String> containersOf(String service) {
    return containersLabelled("com.docker.compose.service=" + service);
  }

  private List<String> containersLabelled(String label) {
    return lines(
        compose
            .docker(
                "ps",
                "--all",
                "--quiet",
                "--no-trunc",
                "--filter",
                "label=com.docker.compose.project=" + name,
                "--filter",
                "label=" + label)
            .outOrFail());
  }

  /** {@code docker inspect} (containers) or {@code docker image inspect} (images) of ids. */
  JsonNode inspect(String kind, List<String> ids) {
    List<String> args = new ArrayList<>(List.of(kind, "inspect"));
    args.addAll(ids);
    return Compose.parse(compose.docker(args.toArray(String[]::new)).outOrFail());
  }

  /** An image of the project, as the environment names it (API_IMAGE...) or its default. */
  static String image(String variable, String fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  static final String API_IMAGE = image("API_IMAGE", "zero-to-running/api:dev");

  boolean imageExists(String image) {
    return compose.docker("image", "inspect", image).succeeded();
  }

  /** {@code git ARGS} in the repository. */
  Command.Result git(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    return Command.run(stack.root(), Map.of(), GIT_TIMEOUT, command);
  }

  static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
