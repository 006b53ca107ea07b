package dev.zerotorunning.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Redis stopped: reads still succeed around the cache (X-Cache: BYPASS), health says degraded. */
@Tag("e2e")
class RedisDownTest {
  private static final StackUnderTest STACK = StackUnderTest.fromEnvironment();
  private static final Compose COMPOSE = STACK.compose();
  private static final Api API = new Api(STACK.web());

  @AfterAll
  static void redisRunsAgain() {
    COMPOSE.run("start", "redis").outOrFail();
    COMPOSE.awaitHealthy("redis", Duration.ofSeconds(60));
  }

  @Test
  void readsBypassTheCacheWhileRedisIsStopped() {
    COMPOSE.run("stop", "redis").outOrFail();
    for (String path :
        List.of("/api/services", "/api/environments", "/api/deployments?limit=3", "/api/stats")) {
      Api.Reply reply = API.get(path);
      assertThat(reply.status())
          .as("GET %s with Redis stopped: %s", path, reply.body())
          .isEqualTo(200);
      assertThat(reply.header("X-Cache"))
          .as("X-Cache of GET %s with Redis stopped", path)
          .hasValue("BYPASS");
    }
    Api.Reply health = API.get("/api/health");
    assertThat(health.status())
        .as("GET /api/health with Redis stopped: %s", health.body())
        .isEqualTo(200);
    JsonNode report = health.json();
    assertThat(report.path("status").asText()).as(health.body()).isEqualTo("degraded");
    assertThat(report.path("checks").path("redis").path("status").asText())
        .as(health.body())
        .isEqualTo("down");

    COMPOSE.run("start", "redis").outOrFail();
    await("the cache used again once Redis runs (X-Cache HIT or MISS on GET /api/services)")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                API.get("/api/services")
                    .header("X-Cache")
                    .filter(List.of("HIT", "MISS")::contains)
                    .isPresent());
  }
}
