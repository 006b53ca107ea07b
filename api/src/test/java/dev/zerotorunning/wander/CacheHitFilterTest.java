package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.wander.resources.CacheHitFilter;
import dev.zerotorunning.wander.support.Await;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.Scrape;
import dev.zerotorunning.wander.support.SeededStackTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cache hits are answered before Jersey ({@link CacheHitFilter}): a client cannot tell, except by
 * speed. The same headers, the same body, the request id, the metrics; and whatever is not a plain
 * hit still reaches the resource.
 */
class CacheHitFilterTest extends SeededStackTest {
  private static final String LATENCY = "http_server_request_duration_seconds";
  private final Http admin = new Http(stack.adminUrl());

  @AfterEach
  void redisBack() {
    stack.startRedisIfStopped();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/deployments?limit=3", "/services", "/environments", "/stats"})
  void aHitSendsWhatTheResourceSentOnTheMiss(String path) {
    Http.Reply miss = http.get(path).expectStatus(200);
    Http.Reply hit = http.get(path).expectStatus(200);

    assertThat(miss.header("X-Cache")).isEqualTo("MISS");
    assertThat(hit.header("X-Cache")).isEqualTo("HIT");
    assertThat(hit.headerNames()).isEqualTo(miss.headerNames());
    assertThat(hit.header("Content-Type")).isEqualTo(miss.header("Content-Type"));
    assertThat(hit.json().get("data")).isEqualTo(miss.json().get("data"));
  }

  @Test
  void aHitEchoesTheCallersRequestIdOrMakesOne() {
    http.get("/services").expectStatus(200);
    Http.Reply echoed =
        http.send("GET", "/services", BodyPublishers.noBody(), null, "X-Request-Id", "trace-42");
    Http.Reply made = http.get("/services");

    assertThat(echoed.header("X-Cache")).isEqualTo("HIT");
    assertThat(echoed.header("X-Request-Id")).isEqualTo("trace-42");
    assertThat(made.header("X-Cache")).isEqualTo("HIT");
    assertThat(made.header("X-Request-Id")).matches("[0-9a-f-]{36}");
  }

  @Test
  void aHitIsTimedUnderItsRouteAndCountedOnce() {
    http.get("/deployments?limit=2").expectStatus(200);
    String[] route = {"method", "GET", "route", "/api/deployments", "status", "200"};
    String[] hits = {"entry", "deployments", "result", "hit"};
    Scrape before = Scrape.of(admin);

    assertThat(http.get("/deployments?limit=2").header("X-Cache")).isEqualTo("HIT");

    // The filter records a request once the client has its answer: wait for the count to move.
    double expected = before.value(LATENCY + "_count", route) + 1;
    Scrape after =
        Await.until(
            "the hit is counted under /api/deployments",
            Duration.ofSeconds(10),
            () -> {
              Scrape now = Scrape.of(admin);
              double count = now.value(LATENCY + "_count", route);
              assertThat(count).as("counted once").isLessThanOrEqualTo(expected);
              return count == expected ? now : null;
            });
    assertThat(
            after.value("wander_cache_lookups_total", hits)
                - before.value("wander_cache_lookups_total", hits))
        .isEqualTo(1);
  }

  @Test
  void theSameQueryInAnotherOrderOrSpellingIsTheSameEntry() {
    http.get("/deployments?status=failed&limit=5").expectStatus(200);

    assertThat(http.get("/deployments?limit=5&status=failed").header("X-Cache")).isEqualTo("HIT");
    assertThat(http.get("/deployments?limit=%205&status=failed&offset=").header("X-Cache"))
        .isEqualTo("HIT");
  }

  @Test
  void aRefusedQueryStillGetsTheResourcesError() {
    http.get("/deployments").expectStatus(200);

    Http.Reply refused = http.get("/deployments?limit=0").expectStatus(400);
    assertThat(refused.json().get("details").get(0).get("field").asText()).isEqualTo("limit");
  }

  @Test
  void aClientThatTakesNoJsonIsRefusedAsOnAMiss() {
    http.get("/services").expectStatus(200);

    Http.Reply refused =
        http.send("GET", "/services", BodyPublishers.noBody(), null, "Accept", "text/html");
    assertThat(refused.status()).isEqualTo(406);
    assertThat(refused.header("X-Cache")).isNull();
  }

  @Test
  void aWriteStillInvalidatesWhatTheFilterServes() {
    http.get("/stats").expectStatus(200);
    long pending = http.get("/stats").json().get("data").get("by_status").get("pending").asLong();

    http.post(
            "/deployments",
            WriteEndpointsTest.newDeployment("api", "staging", "v9.9.8", "a@example.com"))
        .expectStatus(201);

    Http.Reply after = http.get("/stats");
    assertThat(after.header("X-Cache")).isEqualTo("MISS");
    assertThat(after.json().get("data").get("by_status").get("pending").asLong())
        .isEqualTo(pending + 1);
    assertThat(http.get("/stats").header("X-Cache")).isEqualTo("HIT");
  }

  @Test
  void withRedisGoneTheResourceAnswersFromPostgres() {
    http.get("/environments").expectStatus(200);
    stack.stopRedis();

    assertThat(http.get("/environments").header("X-Cache")).isEqualTo("BYPASS");
    assertThat(http.get("/environments").header("X-Cache")).isEqualTo("BYPASS");
  }

  @Test
  void acceptHeadersAreReadAsJerseyReadsThem() {
    assertThat(CacheHitFilter.acceptsJson(null)).isTrue();
    assertThat(CacheHitFilter.acceptsJson("application/json")).isTrue();
    assertThat(CacheHitFilter.acceptsJson("text/html, */*;q=0.8")).isTrue();
    assertThat(CacheHitFilter.acceptsJson("Application/*")).isTrue();
    assertThat(CacheHitFilter.acceptsJson("text/html")).isFalse();
    assertThat(CacheHitFilter.acceptsJson("application/json;q=0, text/plain")).isFalse();
  }
}
