package dev.zerotorunning.scenarios.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running stack the scenarios drive, as the calling script describes it: the repository (for
 * Compose and make), the Compose project and its published ports. Everything comes from the
 * environment that scripts/scenarios.sh inherits (COMPOSE_PROJECT_NAME, WEB_PORT, API_PORT,
 * API_ADMIN_PORT, and COMPOSE_FILE when set), so Compose here sees exactly what make saw.
 */
public record StackUnderTest(Path root, String project, int webPort, int apiPort, int adminPort) {

  /** The stack of this JVM's environment; fails with the fix when no stack is named. */
  public static StackUnderTest fromEnvironment() {
    Map<String, String> env = System.getenv();
    String root = System.getProperty("scenarios.root");
    if (root == null || root.isBlank()) {
      throw new IllegalStateException(
          "scenarios.root is not set: run the scenarios with scripts/scenarios.sh");
    }
    return new StackUnderTest(
        Path.of(root),
        Optional.ofNullable(env.get("COMPOSE_PROJECT_NAME"))
            .filter(name -> !name.isBlank())
            .orElseGet(() -> composeProjectName(Path.of(root))),
        port(env, "WEB_PORT", 3000),
        port(env, "API_PORT", 8080),
        port(env, "API_ADMIN_PORT", 8081));
  }

  /**
   * The project name as Compose resolves it without COMPOSE_PROJECT_NAME (compose.yaml's name:).
   */
  private static String composeProjectName(Path root) {
    String json =
        Command.run(
                root,
                Map.of(),
                Duration.ofMinutes(1),
                List.of("docker", "compose", "config", "--format", "json"))
            .outOrFail();
    try {
      return new ObjectMapper().readTree(json).path("name").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("docker compose config printed no JSON: " + e.getMessage());
    }
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }

  /** The API's base, {@code http://127.0.0.1:<API_PORT>/api}. */
  public URI api() {
    return URI.create("http://127.0.0.1:" + apiPort + "/api");
  }

  /** The dashboard's origin, which also serves the API under /api. */
  public URI web() {
    return URI.create("http://127.0.0.1:" + webPort);
  }

  /** The API's admin port (health, metrics). */
  public URI admin() {
    return URI.create("http://127.0.0.1:" + adminPort);
  }

  public Compose compose() {
    return new Compose(this);
  }
}
