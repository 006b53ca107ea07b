package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthTest {
  private final TestStack stack = TestStack.get();
  private final Http http = stack.http();
  private final Http admin = new Http(stack.adminUrl());

  @AfterEach
  void redisBack() {
    stack.startRedisIfStopped();
  }

  @Test
  void healthyWhenEverythingAnswers() {
    Http.Reply reply = http.get("/health").expectStatus(200);
    // The body is the contract suite's (contract/ReadContractTest); here what it never has.
    assertThat(reply.header("X-Cache")).isNull();
    admin.get("/ready").expectStatus(200);
    admin.get("/healthcheck").expectStatus(200);
  }

  @Test
  void degradedButServingWhenRedisIsDown() {
    stack.stopRedis();
    JsonNode body = http.get("/health").expectStatus(200).json();
    assertThat(body.get("status").asText()).isEqualTo("degraded");
    assertThat(body.get("checks").get("redis").get("status").asText()).isEqualTo("down");
    assertThat(body.get("checks").get("postgres").get("status").asText()).isEqualTo("up");
    // The container probe stays green: the API still serves, only slower.
    assertThat(admin.get("/ready").expectStatus(200).body()).contains("redis: down, not critical");
    // Dropwizard's own all-checks endpoint does report the failure.
    admin.get("/healthcheck").expectStatus(500);
  }
}
