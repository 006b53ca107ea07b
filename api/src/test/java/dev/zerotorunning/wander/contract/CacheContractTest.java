package dev.zerotorunning.wander.contract;

import static dev.zerotorunning.wander.support.DeploymentRequests.newDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.ContractTarget;
import dev.zerotorunning.wander.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read cache as a client sees it: X-Cache MISS then HIT, the cached flag, invalidation. */
class CacheContractTest {
  private final ContractTarget target = ContractTarget.get();
  private final Http http = target.http();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/services",
        "/environments",
        "/stats",
        "/deployments",
        "/deployments?status=failed&limit=5"
      })
  void missThenHitAfterAFlush(String path) {
    target.awaitNoRolloutRunning();
    assertThat(http.delete("/cache").expectStatus(200).json().at("/data/cleared").isNumber())
        .isTrue();
    Http.Reply first = http.get(path).expectStatus(200);
    Http.Reply second = http.get(path).expectStatus(200);
    assertThat(first.header("X-Cache")).isEqualTo("MISS");
    assertThat(second.header("X-Cache")).isEqualTo("HIT");
    assertThat(second.json().get("data")).isEqualTo(first.json().get("data"));
  }

  @Test
  void theListSaysWhetherItWasCached() {
    target.awaitNoRolloutRunning();
    http.delete("/cache").expectStatus(200);
    assertThat(http.get("/deployments?limit=7").json().get("cached").asBoolean()).isFalse();
    assertThat(http.get("/deployments?limit=7").json().get("cached").asBoolean()).isTrue();
  }

  @Test
  void theKeyIncludesTheQuery() {
    target.awaitNoRolloutRunning();
    http.delete("/cache").expectStatus(200);
    http.get("/deployments?limit=5").expectStatus(200);
    assertThat(http.get("/deployments?limit=6").header("X-Cache")).isEqualTo("MISS");
    assertThat(http.get("/deployments?limit=5").header("X-Cache")).isEqualTo("HIT");
  }

  @Test
  void aWriteInvalidatesSoNoReadIsStale() {
    http.get("/stats").expectStatus(200);
    long before = http.get("/deployments").json().get("count").asLong();
    JsonNode created =
        http.post("/deployments", newDeployment("api", "staging", "v9.9.9", "a@example.com"))
            .expectStatus(201)
            .json()
            .get("data");
    Http.Reply list = http.get("/deployments");
    assertThat(list.header("X-Cache")).isEqualTo("MISS");
    assertThat(list.json().get("count").asLong()).isEqualTo(before + 1);
    assertThat(list.json().at("/data/0/id")).isEqualTo(created.get("id"));
    assertThat(http.get("/stats").header("X-Cache")).isEqualTo("MISS");
  }
}
