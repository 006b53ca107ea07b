package dev.zerotorunning.scenarios.e2e.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Browser;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * make dev PROFILE=observability: Prometheus scrapes the API and every worker replica (found by
 * DNS), make status lists it, the API exposes the series the dashboard's live panel reads, the
 * panel shows numbers in Chromium, and make dev without the profile stops Prometheus again.
 */
@Tag("e2e-profiles")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityProfileTest {
  private static final Duration TARGETS_UP = Duration.ofSeconds(60);

  private final Profiles profiles = new Profiles();
  private final int prometheusPort = Profiles.port("PROMETHEUS_PORT", 9090);
  private final Api prometheus = new Api(URI.create("http://127.0.0.1:" + prometheusPort));

  @Test
  @Order(1)
  void theProfileRunsTheStackAndPrometheus() {
    profiles.make.succeed("PROFILE=observability", "dev", "PROFILE=observability");
    assertThat(profiles.runningServices())
        .as("running after PROFILE=observability")
        .isEqualTo("api db prometheus redis web worker");
  }

  @Test
  @Order(2)
  void makeStatusListsPrometheusWithItsUrl() {
    assertThat(profiles.status(Map.of()))
        .containsPattern(
            Pattern.compile(
                "(?m)^prometheus +running +healthy .*http://localhost:" + prometheusPort));
  }

  @Test
  @Order(3)
  void theAdminPortServesTheSeriesThePanelReads() {
    profiles.web.get("/api/deployments?limit=2");
    profiles.web.get("/api/deployments?limit=2");
    String metrics = new Api(profiles.stack.admin()).get("/prometheus").body();
    assertThat(metrics)
        .as("the API's /prometheus: latency by route, cache lookups by result, JVM")
        .containsPattern(
            Pattern.compile(
                "(?m)^http_server_request_duration_seconds_bucket\\{.*route=\"/api/deployments\""))
        .containsPattern(
            Pattern.compile(
                "(?m)^wander_cache_lookups_total\\{entry=\"deployments\",result=\"hit\"\\}"))
        .containsPattern(Pattern.compile("(?m)^jvm_memory_used_bytes"));
  }

  @Test
  @Order(4)
  void prometheusScrapesTheApiAndTheWorker() {
    awaitTargetsUp("api", 1);
    awaitTargetsUp("worker", 1);
  }

  @Test
  @Order(5)
  void prometheusFindsASecondWorkerReplicaByItself() {
    profiles.make.succeed("two workers", "scale-worker", "N=2");
    try {
      awaitTargetsUp("worker", 2);
    } finally {
      profiles.make.succeed("one worker again", "scale-worker", "N=1");
    }
  }

  @Test
  @Order(6)
  void theLivePanelShowsNumbersInTheBrowser() {
    new Browser(profiles.stack).run("e2e:metrics-panel", Map.of("EXPECT", "live"));
  }

  @Test
  @Order(7)
  void makeDevWithoutTheProfileStopsPrometheus() {
    profiles.make.succeed("no profile: stops prometheus", "dev");
    assertThat(profiles.runningServices().split(" ")).doesNotContain("prometheus");
  }

  /** Waits until at least {@code count} of a job's targets are up in Prometheus. */
  private void awaitTargetsUp(String job, int count) {
    await(count + " " + job + " target(s) up in Prometheus")
        .atMost(TARGETS_UP)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> targetsUp(job) >= count);
  }

  private int targetsUp(String job) {
    JsonNode targets =
        prometheus.get("/api/v1/targets?state=active").json().path("data").path("activeTargets");
    int up = 0;
    for (JsonNode target : targets) {
      if (target.path("labels").path("job").asText().equals(job)
          && target.path("health").asText().equals("up")) {
        up++;
      }
    }
    return up;
  }
}
