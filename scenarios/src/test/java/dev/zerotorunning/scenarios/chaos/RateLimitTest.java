package dev.zerotorunning.scenarios.chaos;

import static dev.zerotorunning.scenarios.chaos.Chaos.newDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.scenarios.support.Answers;
import dev.zerotorunning.scenarios.support.Api;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The write rate limit, with the API restarted at 5 writes a minute: the sixth write of a client
 * gets 429 with Retry-After and the JSON error body, another client still writes, and with Redis
 * stopped the limiter fails open (and says so in the API's log). The API gets its unlimited setting
 * back at the end.
 */
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
  private static final String LIMIT = "RATE_LIMIT_WRITES_PER_MINUTE";

  private final Chaos chaos = new Chaos();
  private final String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 201);
  private int requests;
  private List<Integer> overBudget;
  private Api.Reply lastOverBudget;
  private Api.Reply otherClient;
  private int spoofedThrough;
  private List<Integer> withoutRedis;
  private String apiLogWithoutRedis;

  @BeforeAll
  void apiAtFiveWritesAMinute() {
    chaos.awaitStackHealthy();
    Chaos.say("restarting the API with " + LIMIT + "=5");
    restartApi("5");
    try {
      // The client's window opens with its first write, so no clock minute splits the seven.
      overBudget = new ArrayList<>();
      for (int i = 1; i <= 7; i++) {
        lastOverBudget =
            post(chaos.api, "/deployments", "v2.0." + i, "limit@chaos.example", client);
        overBudget.add(lastOverBudget.status());
      }
      otherClient =
          post(chaos.api, "/deployments", "v2.1.0", "limit@chaos.example", "198.51.100.250");
      // Through the dashboard's origin, a made-up X-Forwarded-For per request (a finding, not a
      // test: the client would pick its own budget).
      for (int i = 1; i <= 7; i++) {
        if (post(
                    chaos.web,
                    "/api/deployments",
                    "v2.2." + i,
                    "spoof@chaos.example",
                    "203.0.113." + i)
                .status()
            == 201) {
          spoofedThrough++;
        }
      }
      if (spoofedThrough > 5) {
        Chaos.say(
            "finding: %d of 7 writes through %s passed the 5/min limit with a made-up"
                    .formatted(spoofedThrough, chaos.stack.web())
                + " X-Forwarded-For each (the client picks its own budget)");
      }
      Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      try {
        chaos.compose.run("stop", "redis").outOrFail();
        withoutRedis = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
          withoutRedis.add(
              post(chaos.api, "/deployments", "v2.3." + i, "limit@chaos.example", client).status());
        }
        apiLogWithoutRedis =
            chaos.compose.run("logs", "--no-color", "--since", since.toString(), "api").out();
      } finally {
        chaos.compose.run("start", "redis").outOrFail();
        chaos.compose.awaitHealthy("redis", Duration.ofSeconds(30));
      }
    } finally {
      Chaos.say("restarting the API without the limit");
      restartApi("0");
    }
    Summary.add(
        "rate limit",
        "API at 5 writes/min: 7 POSTs, another client, Redis stopped",
        requests,
        unexpected() + " unexpected (2 x 429 wanted)",
        "fails open without Redis"
            + (spoofedThrough > 5
                ? "; X-Forwarded-For spoofable: " + spoofedThrough + "/7 passed"
                : ""));
  }

  /**
   * Answers other than the ones wanted: 201 x5 then 429 x2, 201 for the other client and without
   * Redis.
   */
  private long unexpected() {
    List<Integer> wanted = List.of(201, 201, 201, 201, 201, 429, 429);
    long wrong = 0;
    for (int i = 0; i < wanted.size(); i++) {
      wrong += i < overBudget.size() && overBudget.get(i).equals(wanted.get(i)) ? 0 : 1;
    }
    wrong += otherClient.status() == 201 ? 0 : 1;
    return wrong + withoutRedis.stream().filter(status -> status != 201).count();
  }

  private void restartApi(String writesPerMinute) {
    chaos
        .compose
        .runWith(Map.of(LIMIT, writesPerMinute), "up", "-d", "--wait", "--no-deps", "api")
        .outOrFail();
  }

  private Api.Reply post(Api origin, String path, String version, String by, String forwardedFor) {
    requests++;
    return origin.send(
        HttpRequest.newBuilder(origin.resolve(path))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", forwardedFor)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    newDeployment("api", "development", version, by))));
  }

  @Test
  void overTheBudgetA429WithRetryAfter() {
    assertThat(overBudget)
        .as("answers to 7 POSTs of one client")
        .containsExactly(201, 201, 201, 201, 201, 429, 429);
    String retryAfter = lastOverBudget.header("Retry-After").orElse("");
    assertThat(retryAfter).as("Retry-After of the 429").matches("[0-9]+");
    assertThat(Integer.parseInt(retryAfter)).as("Retry-After (s)").isBetween(1, 60);
    assertThat(Answers.isErrorBody(429, lastOverBudget.body()))
        .as("the 429's body is the JSON error body: %s", lastOverBudget.body())
        .isTrue();
  }

  @Test
  void theBudgetIsPerClient() {
    assertThat(otherClient.status()).as("another client's write").isEqualTo(201);
  }

  @Test
  void withoutRedisTheLimiterFailsOpen() {
    assertThat(withoutRedis)
        .as("answers to 7 POSTs of the over-limit client with Redis stopped")
        .containsOnly(201)
        .hasSize(7);
  }

  @Test
  void withoutRedisTheApiLogSaysItFailsOpen() {
    assertThat(apiLogWithoutRedis).contains("Rate limiter failing open");
  }
}
