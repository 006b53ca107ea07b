package dev.zerotorunning.wander;

import static dev.zerotorunning.wander.support.DeploymentRequests.newDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.wander.support.ErrorBody;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.TestStack;
import io.dropwizard.testing.DropwizardTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An API allowing three writes a minute per client, sharing the suite's PostgreSQL and Redis. */
class RateLimitTest {
  private final TestStack stack = TestStack.get();
  private DropwizardTestSupport<WanderConfiguration> app;
  private Http http;

  @BeforeEach
  void limitedApp() throws Exception {
    stack.resetData();
    app =
        TestStack.startApp(
            stack.jdbcUrl(),
            stack.redisUri(),
            "rateLimit.writesPerMinute=3",
            // A fresh key space per test, so windows never carry over between tests.
            "rateLimit.keyPrefix=test:" + UUID.randomUUID() + ":");
    http = new Http("http://localhost:" + app.getLocalPort() + "/api");
    // Without Redis the limiter fails open; the budget tests need it connected first.
    TestStack.awaitRedisSeenBy(http);
    awaitLimiterCounting();
  }

  /**
   * A Redis restart in an earlier test can leave this fresh app's connection reconnecting for a
   * moment after its health check passed; until it counts, the limiter (rightly) fails open. Probe
   * with a write that changes no data, under a client key of its own, until the limit headers show.
   */
  private void awaitLimiterCounting() {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Http.Reply probe =
          http.send(
              "DELETE",
              "/cache",
              java.net.http.HttpRequest.BodyPublishers.noBody(),
              null,
              "X-Forwarded-For",
              "198.51.100." + (1 + (System.nanoTime() & 0x7f)));
      if (probe.header("X-RateLimit-Limit") != null) {
        return;
      }
      CacheTest.sleep(100);
    }
    throw new IllegalStateException("the rate limiter did not start counting within 20 s");
  }

  @AfterEach
  void stop() {
    stack.startRedisIfStopped();
    app.after();
  }

  @Test
  void writesOverTheBudgetAre429WithRetryAfter() {
    long firstWrite = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      Http.Reply ok = http.post("/deployments", body("v1.0." + i)).expectStatus(201);
      assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("3");
      assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
    }
    Http.Reply limited = http.post("/deployments", body("v1.0.9")).expectStatus(429);
    ErrorBody.check(limited, 429);
    // The window opened with the client's first write, not at the clock's last full minute.
    long elapsed = java.time.Duration.ofNanos(System.nanoTime() - firstWrite).toSeconds();
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween((int) (59 - elapsed), 60);
    // Reads are never limited, and the refused write was not stored.
    assertThat(http.get("/deployments?limit=100").expectStatus(200).json().get("count").asLong())
        .isEqualTo(39);
  }

  @Test
  void clientsBehindTheProxyHaveTheirOwnBudget() {
    for (int i = 0; i < 3; i++) {
      forwardedPost("203.0.113.1", "v2.0." + i).expectStatus(201);
    }
    forwardedPost("203.0.113.1", "v2.0.9").expectStatus(429);
    forwardedPost("203.0.113.2", "v2.1.0").expectStatus(201);
  }

  @Test
  void failsOpenWhenRedisIsDown() {
    stack.stopRedis();
    for (int i = 0; i < 5; i++) {
      Http.Reply reply = http.post("/deployments", body("v3.0." + i)).expectStatus(201);
      assertThat(reply.header("X-RateLimit-Limit")).isNull();
    }
  }

  private Http.Reply forwardedPost(String client, String version) {
    return http.send(
        "POST",
        "/deployments",
        java.net.http.HttpRequest.BodyPublishers.ofString(body(version)),
        "application/json",
        "X-Forwarded-For",
        client);
  }

  private static String body(String version) {
    return newDeployment("api", "staging", version, "limit@example.com");
  }
}
