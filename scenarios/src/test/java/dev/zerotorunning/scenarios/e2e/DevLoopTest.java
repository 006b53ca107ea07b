package dev.zerotorunning.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.Make;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * make dev in the developer's loop: again while the stack is up, after a Java change (the fast
 * path: compile, restart api and worker on the mounted classes, no image build; from the second
 * change on without Maven), and after make down, with the data kept.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevLoopTest {
  private static final StackUnderTest STACK = StackUnderTest.fromEnvironment();
  private static final Compose COMPOSE = STACK.compose();
  private static final Make MAKE = new Make(STACK);
  private static final Api API = new Api(STACK.web());

  /** The code change: the text of the API's "not found" error. */
  private static final Path CHANGED =
      STACK
          .root()
          .resolve("api/src/main/java/dev/zerotorunning/wander/service/DeploymentService.java");

  private static final String FROM = "\" does not exist\"";
  private static final String TO = "\" does not exist (e2e: the fast path)\"";
  private static final String UNKNOWN = "/api/deployments/987654321";

  private static String original;
  private static long created;
  private static long manual;

  @BeforeAll
  static void recordsThePersistenceCheckLooksFor() throws IOException {
    original = Files.readString(CHANGED, StandardCharsets.UTF_8);
    created = new Rollouts(API).request("frontend", "staging", "v9.8.7");
    // A manual (automated: false) deployment moved by hand: only the worker moves the others.
    Api.Reply pending = API.get("/api/deployments?status=pending&limit=100");
    manual =
        Rollouts.list(pending.json().path("data")).stream()
            .filter(d -> !d.path("automated").asBoolean())
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no pending manual deployment: " + pending.body()))
            .path("id")
            .asLong();
    assertThat(patch(manual, "{\"status\":\"in_progress\"}").status()).isEqualTo(200);
    Api.Reply failed =
        patch(manual, "{\"status\":\"failed\",\"error_message\":\"e2e: smoke failed\"}");
    assertThat(failed.status()).as(failed.body()).isEqualTo(200);
  }

  /** The file as it was and the stack up, even when a test stopped half-way. */
  @AfterAll
  static void undoTheChange() throws IOException {
    boolean changed =
        original != null && !Files.readString(CHANGED, StandardCharsets.UTF_8).equals(original);
    if (changed) {
      Files.writeString(CHANGED, original, StandardCharsets.UTF_8);
    }
    boolean apiStopped =
        COMPOSE.run("ps", "--status", "running", "--quiet", "api").outOrFail().isBlank();
    if (changed || apiStopped) {
      MAKE.succeed("the stack up again after a failure", "dev");
    }
  }

  @Test
  @Order(1)
  void makeDevWhileUpKeepsServing() {
    MAKE.succeed("stack already up", "dev");
    assertThat(API.get("/api/deployments/" + created).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void aJavaChangeTakesTheFastPath() throws IOException {
    String image = imageId();
    Files.writeString(CHANGED, original.replace(FROM, TO), StandardCharsets.UTF_8);
    assertThat(Files.readString(CHANGED, StandardCharsets.UTF_8))
        .as("the edit of " + CHANGED)
        .contains(TO);

    String out = MAKE.succeed("a Java change: the fast path", "dev");
    assertThat(out)
        .as("make dev compiled the change and built no image")
        .contains("API classes compiled")
        .contains("api and worker run the new classes")
        .doesNotContain("with Jib")
        .doesNotContain("nothing to start");
    assertThat(imageId()).as("the API image").isEqualTo(image);
    assertThat(notFoundError()).as("the API runs the new code").contains("(e2e: the fast path)");

    // The first change recorded Maven's compiler options (or found them recorded): the next one
    // compiles without starting Maven.
    Files.writeString(CHANGED, original, StandardCharsets.UTF_8);
    assertThat(MAKE.succeed("the change undone", "dev"))
        .as("make dev compiled the undo with javac and Maven's recorded options")
        .contains("API classes compiled")
        .contains("(javac with Maven's recorded options)");
    assertThat(notFoundError()).contains("does not exist").doesNotContain("(e2e: the fast path)");
    assertThat(MAKE.succeed("nothing changed", "dev"))
        .as("nothing to compile, nothing to restart")
        .contains("nothing to start");
  }

  @Test
  @Order(3)
  void makeDownThenMakeDevKeepsTheData() {
    MAKE.succeed("stack up", "down");
    MAKE.succeed("warm: images built, data kept", "dev");
    JsonNode kept = API.get("/api/deployments/" + created).json().path("data");
    assertThat(kept.path("id").asLong()).as("the new deployment: %s", kept).isEqualTo(created);
    assertThat(kept.path("automated").asBoolean()).isTrue();
    JsonNode changed = API.get("/api/deployments/" + manual).json().path("data");
    assertThat(changed.path("status").asText())
        .as("the manual change: %s", changed)
        .isEqualTo("failed");
    assertThat(changed.path("error_message").asText()).isEqualTo("e2e: smoke failed");
  }

  private static Api.Reply patch(long id, String json) {
    return API.send(
        HttpRequest.newBuilder(API.resolve("/api/deployments/" + id))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The error of a GET of an unknown deployment, which must answer 404. */
  private static String notFoundError() {
    Api.Reply reply = API.get(UNKNOWN);
    assertThat(reply.status()).as("GET %s: %s", UNKNOWN, reply.body()).isEqualTo(404);
    return reply.json().path("error").asText();
  }

  /** The id of the image the API's tag names (the one make dev's build would replace). */
  private static String imageId() {
    String tag = COMPOSE.inspect("api").path("Config").path("Image").asText();
    return Compose.parse(COMPOSE.docker("image", "inspect", tag).outOrFail())
        .path(0)
        .path("Id")
        .asText();
  }
}
