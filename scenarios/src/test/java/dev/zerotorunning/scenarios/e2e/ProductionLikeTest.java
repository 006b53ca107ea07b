package dev.zerotorunning.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Browser;
import dev.zerotorunning.scenarios.support.Make;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production-like topology, compose.yaml alone (nginx serving the built dashboard), on the same
 * data: it answers like the dev stack. make dev with the usual files brings the dev stack back.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionLikeTest {
  private static final StackUnderTest STACK = StackUnderTest.fromEnvironment();
  private static final Make MAKE = new Make(STACK);
  private static final Api API = new Api(STACK.web());
  private static final Browser BROWSER = new Browser(STACK);

  private static int count;

  @BeforeAll
  static void composeYamlAlone() {
    count = API.get("/api/deployments").json().path("count").asInt();
    MAKE.succeed("compose.yaml only, nginx image", Map.of("COMPOSE_FILE", "compose.yaml"), "dev");
  }

  @AfterAll
  static void theDevStackAgain() {
    MAKE.succeed("back to the dev stack", "dev");
  }

  @Test
  @Order(1)
  void nginxServesTheDashboardAndProxiesTheApi() {
    Api.Reply index = API.get("/");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).as("the dashboard's page").containsIgnoringCase("<div id=\"root\"");
    Api.Reply health = API.get("/api/health");
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).as(health.body()).isEqualTo("healthy");
    API.get("/api/services");
    assertThat(API.get("/api/services").header("X-Cache"))
        .as("nginx passes X-Cache through")
        .hasValue("HIT");
    assertThat(API.get("/api/deployments").json().path("count").asInt())
        .as("the dev stack's data")
        .isEqualTo(count);
  }

  @Test
  @Order(2)
  void theWorkerOfComposeYamlRollsOut() {
    Rollouts rollouts = new Rollouts(API);
    long id = rollouts.request("worker", "production", "1.2.3");
    rollouts.awaitFinished(Duration.ofSeconds(120), List.of(id));
    Rollouts.assertFinishedConsistently(rollouts.steps(id));
  }

  @Test
  @Order(3)
  void theDashboardWorksInABrowserOnNginx() {
    BROWSER.run(
        "e2e", Map.of("SCREENSHOT_DIR", STACK.root().resolve("build/e2e/nginx").toString()));
  }

  @Test
  @Order(4)
  void nginxAnswersTheMetricsPanelInPrometheusErrorShapeWhenItIsOff() {
    BROWSER.run("e2e:metrics-panel", Map.of("EXPECT", "off"));
  }
}
