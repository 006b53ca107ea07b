package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.wander.support.Await;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.Scrape;
import dev.zerotorunning.wander.support.SeededStackTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API's metrics on its admin port ({@code /prometheus}), scraped as Prometheus does, around
 * real requests: the latency histogram per route template, the cache's hits, misses and bypasses,
 * the JVM's.
 */
class MetricsTest extends SeededStackTest {
  private static final String LATENCY = "http_server_request_duration_seconds";
  private static final String CACHE = "wander_cache_lookups_total";
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final Http admin = new Http(stack.adminUrl());

  @AfterEach
  void redisBack() {
    stack.startRedisIfStopped();
  }

  @Test
  void aRequestIsTimedUnderItsRouteTemplateNotItsPath() {
    long id = http.get("/deployments?limit=1").json().get("data").get(0).get("id").asLong();
    String[] series = {"method", "GET", "route", "/api/deployments/{id}", "status", "200"};
    Scrape before = Scrape.of(admin);

    http.get("/deployments/" + id).expectStatus(200);

    Scrape after = awaitCount(before, series, 1);
    assertThat(after.value(LATENCY + "_bucket", with(series, "le", "+Inf")))
        .isEqualTo(before.value(LATENCY + "_bucket", with(series, "le", "+Inf")) + 1);
    assertThat(after.value(LATENCY + "_sum", series))
        .isGreaterThan(before.value(LATENCY + "_sum", series));
    // Buckets are cumulative: each holds at least the one below it.
    double below = 0;
    for (Scrape.Sample bucket : after.matching(LATENCY + "_bucket", series)) {
      assertThat(bucket.value()).isGreaterThanOrEqualTo(below);
      below = bucket.value();
    }
    assertThat(after.samples())
        .noneMatch(s -> s.labels().getOrDefault("route", "").contains(Long.toString(id)));
  }

  @Test
  void eachEndpointHasItsOwnSeriesAndUnknownPathsShareOne() {
    Scrape before = Scrape.of(admin);
    http.get("/services").expectStatus(200);
    http.get("/stats").expectStatus(200);
    http.get("/no-such-thing/42").expectStatus(404);
    http.get("/no-such-thing/43").expectStatus(404);

    awaitCount(before, new String[] {"route", "/api/services", "status", "200"}, 1);
    awaitCount(before, new String[] {"route", "/api/stats", "status", "200"}, 1);
    awaitCount(before, new String[] {"route", "unmatched", "status", "404"}, 2);
  }

  @Test
  void cacheHitsMissesAndBypassesAreCounted() {
    Scrape before = Scrape.of(admin);
    assertThat(http.get("/environments").header("X-Cache")).isEqualTo("MISS");
    assertThat(http.get("/environments").header("X-Cache")).isEqualTo("HIT");
    assertThat(http.get("/environments").header("X-Cache")).isEqualTo("HIT");
    stack.stopRedis();
    assertThat(http.get("/environments").header("X-Cache")).isEqualTo("BYPASS");

    Scrape after = Scrape.of(admin);
    assertThat(delta(before, after, CACHE, "entry", "environments", "result", "miss")).isEqualTo(1);
    assertThat(delta(before, after, CACHE, "entry", "environments", "result", "hit")).isEqualTo(2);
    assertThat(delta(before, after, CACHE, "entry", "environments", "result", "bypass"))
        .isEqualTo(1);
  }

  @Test
  void anEntrysHitsAndBypassesAreSeriesFromItsFirstMiss() {
    http.get("/services");
    Scrape scrape = Scrape.of(admin);
    for (String result : new String[] {"hit", "miss", "bypass"}) {
      assertThat(scrape.matching(CACHE, "entry", "services", "result", result))
          .as("the %s series of entry services", result)
          .hasSize(1);
    }
  }

  @Test
  void theJvmIsMeasuredToo() {
    Scrape scrape = Scrape.of(admin);
    assertThat(scrape.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
    assertThat(scrape.matching("jvm_threads_current")).hasSize(1);
    assertThat(scrape.matching("jvm_gc_collection_seconds_count")).isNotEmpty();
  }

  /** Waits until the request's count moved by {@code by} (Jersey records it once it answered). */
  private Scrape awaitCount(Scrape before, String[] series, double by) {
    double expected = before.value(LATENCY + "_count", series) + by;
    return Await.until(
        LATENCY + "_count" + String.join(",", series) + " reaches " + expected,
        DEADLINE,
        () -> {
          Scrape now = Scrape.of(admin);
          double count = now.value(LATENCY + "_count", series);
          assertThat(count).as("never past the requests made").isLessThanOrEqualTo(expected);
          return count == expected ? now : null;
        });
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  private static String[] with(String[] labels, String name, String value) {
    String[] all = java.util.Arrays.copyOf(labels, labels.length + 2);
    all[labels.length] = name;
    all[labels.length + 1] = value;
    return all;
  }
}
