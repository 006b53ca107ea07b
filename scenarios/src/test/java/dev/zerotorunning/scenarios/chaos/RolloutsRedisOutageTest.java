package dev.zerotorunning.scenarios.chaos;

import static dev.zerotorunning.scenarios.chaos.Chaos.RUN_ID;
import static dev.zerotorunning.scenarios.chaos.Chaos.hold;
import static dev.zerotorunning.scenarios.chaos.Chaos.newDeployment;
import static dev.zerotorunning.scenarios.chaos.Chaos.now;
import static dev.zerotorunning.scenarios.chaos.Chaos.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.RolloutSteps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Redis stopped for 10 s while rollouts run: rollouts queued before the outage and created during
 * it (the API still answers 201; the workers' relay queues those from PostgreSQL) all finish with
 * consistent steps once Redis is back, no step is recorded twice, the worker does not restart.
 */
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutsRedisOutageTest {
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  private final Chaos chaos = new Chaos();
  private final List<Long> ids = new ArrayList<>();
  private final List<String> failedPosts = new ArrayList<>();
  private int posts;
  private int postedWhileDown;
  private long started;
  private Optional<Long> allFinished = Optional.empty();
  private List<String> unfinishedOrInconsistent;
  private List<Long> duplicateSteps;
  private String workerLifeBefore;

  @BeforeAll
  void redisStoppedWhileRolloutsRun() {
    chaos.awaitStackHealthy();
    workerLifeBefore = chaos.life("worker");
    for (int i = 1; i <= 5; i++) {
      post("v%d.9.%d".formatted(RUN_ID, i)).ifPresent(ids::add);
    }
    hold(Duration.ofSeconds(1));
    long stopping = now();
    try {
      chaos.compose.run("stop", "redis").outOrFail();
      for (int i = 1; i <= 3; i++) { // the API answers 201; the job reaches Redis later
        Optional<Long> id = post("v%d.9.1%d".formatted(RUN_ID, i));
        id.ifPresent(ids::add);
        postedWhileDown += id.isPresent() ? 1 : 0;
      }
      hold(OUTAGE);
      started = now();
    } finally {
      chaos.compose.run("start", "redis").outOrFail();
    }
    chaos.compose.awaitHealthy("redis", Duration.ofSeconds(30));
    // The jobs created before the stop are in the stream (Redis saves it on stop); the ones
    // created during the outage never reached it: the workers' relay queues them (60 s).
    try {
      await("every rollout completed or failed")
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> ids.stream().allMatch(id -> RolloutSteps.finished(steps(id))));
      allFinished = Optional.of(now());
    } catch (ConditionTimeoutException notAll) {
      allFinished = Optional.empty();
    }
    unfinishedOrInconsistent = new ArrayList<>();
    duplicateSteps = new ArrayList<>();
    for (long id : ids) {
      JsonNode steps = steps(id);
      if (!RolloutSteps.finished(steps) || RolloutSteps.inconsistency(steps).isPresent()) {
        unfinishedOrInconsistent.add(id + ": " + steps);
      }
      String rowsAndDistinct =
          chaos.sql(
              "select count(*) || ' ' || count(distinct step) from deployment_steps"
                  + " where deployment_id = "
                  + id);
      String[] counts = rowsAndDistinct.split(" ");
      if (!counts[0].equals(counts[1])) {
        duplicateSteps.add(id);
      }
    }
    Summary.add(
        "rollouts, redis outage",
        "5 rollouts, compose stop redis (%s until start), 3 more POSTed while down"
            .formatted(secs(started - stopping)),
        posts,
        "%d POSTs, %d rollouts unfinished/inconsistent, %d duplicate steps"
            .formatted(failedPosts.size(), unfinishedOrInconsistent.size(), duplicateSteps.size()),
        allFinished
            .map(t -> "all finished " + secs(t - started) + " after redis start")
            .orElse("not finished in 240 s"));
  }

  private Optional<Long> post(String version) {
    posts++;
    Api.Reply reply =
        chaos.api.postJson(
            "/deployments", newDeployment("api", "staging", version, "rollouts@chaos.example"));
    if (reply.status() != 201) {
      failedPosts.add(version + ": HTTP " + reply.status() + " " + reply.body());
      return Optional.empty();
    }
    return Optional.of(reply.json().path("data").path("id").asLong());
  }

  private JsonNode steps(long id) {
    return chaos.api.get("/deployments/" + id + "/steps").json().path("data");
  }

  @Test
  void everyPostAnswered201() {
    assertThat(failedPosts).as("POSTs not answered 201 (of %d)", posts).isEmpty();
    assertThat(postedWhileDown).as("POSTs answered 201 while Redis was stopped").isEqualTo(3);
  }

  @Test
  void everyRolloutFinishedWithConsistentSteps() {
    assertThat(allFinished).as("every rollout completed or failed within 240 s").isPresent();
    assertThat(unfinishedOrInconsistent)
        .as("rollouts unfinished or with inconsistent steps (of %d)", ids.size())
        .isEmpty();
  }

  @Test
  void noStepRecordedTwice() {
    assertThat(duplicateSteps).as("rollouts with a step recorded twice").isEmpty();
  }

  @Test
  void workerHealthyWithoutARestart() {
    chaos.compose.awaitHealthy("worker", Duration.ofSeconds(60));
    assertThat(chaos.life("worker"))
        .as("the worker container's start and restart count")
        .isEqualTo(workerLifeBefore);
  }
}
