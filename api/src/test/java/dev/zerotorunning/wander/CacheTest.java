package dev.zerotorunning.wander;

import static dev.zerotorunning.wander.support.DeploymentRequests.newDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.SeededStackTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CacheTest extends SeededStackTest {

  @AfterEach
  void redisBack() {
    stack.startRedisIfStopped();
  }

  @Test
  void aStatusChangeInvalidatesAndTheStatsAgreeWithTheList() {
    // A new deployment's MISS is the contract suite's (contract/CacheContractTest).
    http.get("/stats").expectStatus(200);
    http.post("/deployments", newDeployment("api", "staging", "v9.9.9", "a@example.com"))
        .expectStatus(201);
    assertThat(http.get("/stats").json().get("data").get("by_status").get("pending").asLong())
        .isEqualTo(http.get("/deployments?status=pending").json().get("count").asLong());

    long manual = stack.insertManualDeployment();
    http.get("/deployments?status=in_progress").expectStatus(200);
    http.patch("/deployments/" + manual, "{\"status\": \"in_progress\"}").expectStatus(200);
    Http.Reply inProgress = http.get("/deployments?status=in_progress");
    assertThat(inProgress.header("X-Cache")).isEqualTo("MISS");
    assertThat(inProgress.json().get("data").get(0).get("id").asLong()).isEqualTo(manual);
  }

  @Test
  void clearingTheCacheCountsEntriesAndForcesMisses() {
    http.get("/services");
    http.get("/environments");
    http.get("/deployments");
    JsonNode cleared = http.delete("/cache").expectStatus(200).json().get("data");
    assertThat(cleared.get("cleared").asLong()).isEqualTo(3);
    assertThat(http.get("/services").header("X-Cache")).isEqualTo("MISS");
    assertThat(http.delete("/cache").json().get("data").get("cleared").asLong()).isEqualTo(1);
  }

  @Test
  void redisDownMeansBypassNotErrorsAndItRecoversByItself() {
    JsonNode expected = http.get("/deployments").json().get("data");
    stack.stopRedis();

    Http.Reply bypass = http.get("/deployments").expectStatus(200);
    assertThat(bypass.header("X-Cache")).isEqualTo("BYPASS");
    assertThat(bypass.json().get("data")).isEqualTo(expected);
    assertThat(bypass.json().get("cached").asBoolean()).isFalse();
    assertThat(http.get("/services").expectStatus(200).header("X-Cache")).isEqualTo("BYPASS");
    assertThat(http.get("/stats").expectStatus(200).header("X-Cache")).isEqualTo("BYPASS");

    // A write while Redis is away must still leave no stale entry once it returns.
    long id =
        http.post("/deployments", newDeployment("worker", "development", "v3.0.0", "b@example.com"))
            .expectStatus(201)
            .json()
            .get("data")
            .get("id")
            .asLong();
    http.delete("/cache").expectStatus(503);

    stack.startRedis();
    Http.Reply after = waitForCacheState("/deployments", "MISS");
    assertThat(after.json().get("data").get(0).get("id").asLong()).isEqualTo(id);
    assertThat(http.get("/deployments").header("X-Cache")).isEqualTo("HIT");
  }

  private Http.Reply waitForCacheState(String path, String state) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      Http.Reply reply = http.get(path).expectStatus(200);
      if (state.equals(reply.header("X-Cache")) || Instant.now().isAfter(deadline)) {
        assertThat(reply.header("X-Cache")).isEqualTo(state);
        return reply;
      }
      sleep(100);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
