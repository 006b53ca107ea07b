package dev.zerotorunning.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.Make;
import dev.zerotorunning.scenarios.support.RolloutSteps;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rollout worker on the real stack: a POSTed deployment rolls out on its own, three workers
 * share the work, and a worker killed mid-rollout leaves its job to another one. Ends with one
 * worker again, as make dev starts it.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolloutWorkerTest {
  private static final StackUnderTest STACK = StackUnderTest.fromEnvironment();
  private static final Compose COMPOSE = STACK.compose();
  private static final Make MAKE = new Make(STACK);
  private static final Api API = new Api(STACK.web());
  private static final Rollouts ROLLOUTS = new Rollouts(API);

  /** One worker container as Docker sees it; its hostname is its consumer name on the stream. */
  record Worker(String id, int number, String hostname, String state, String health) {
    boolean healthy() {
      return state.equals("running") && health.equals("healthy");
    }
  }

  static List<Worker> workers() {
    String ids = COMPOSE.run("ps", "--all", "--quiet", "--no-trunc", "worker").outOrFail().strip();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> inspect = new ArrayList<>(List.of("inspect"));
    inspect.addAll(ids.lines().toList());
    List<Worker> workers = new ArrayList<>();
    for (JsonNode c :
        Rollouts.list(Compose.parse(COMPOSE.docker(inspect.toArray(String[]::new)).outOrFail()))) {
      JsonNode state = c.path("State");
      workers.add(
          new Worker(
              c.path("Id").asText(),
              c.path("Config").path("Labels").path("com.docker.compose.container-number").asInt(),
              c.path("Config").path("Hostname").asText(),
              state.path("Status").asText(),
              state.path("Health").path("Status").asText("")));
    }
    return workers;
  }

  @AfterAll
  static void oneWorkerAgain() {
    if (workers().size() != 1) { // the last test did not get there
      MAKE.succeed("back to one worker", "scale-worker", "N=1");
    }
  }

  @Test
  @Order(1)
  void aPostedDeploymentRollsOutOnItsOwn() {
    assertThat(workers()).as("the worker containers").isNotEmpty().allMatch(Worker::healthy);
    long id = ROLLOUTS.request("api", "staging", "v7.0.0");

    Api.Reply early = API.get("/api/deployments/" + id + "/steps");
    assertThat(early.status()).isEqualTo(200);
    JsonNode data = early.json().path("data");
    assertThat(data.path("deployment_id").asLong()).isEqualTo(id);
    assertThat(data.path("automated").asBoolean()).isTrue();
    assertThat(Rollouts.list(data.path("steps")))
        .as("the steps right after the POST: %s", data)
        .extracting(s -> s.path("step").asText())
        .isEqualTo(RolloutSteps.STEP_NAMES);
    assertThat(Rollouts.list(data.path("steps")))
        .extracting(s -> s.path("status").asText())
        .allMatch(s -> List.of("waiting", "running", "succeeded", "failed", "skipped").contains(s));
    assertThat(early.header("X-Cache")).as("the steps answer is never cached").isEmpty();

    ROLLOUTS.awaitFinished(Duration.ofSeconds(120), List.of(id));
    Rollouts.assertFinishedConsistently(ROLLOUTS.steps(id));
    Api.Reply deployment = API.get("/api/deployments/" + id);
    assertThat(deployment.status()).isEqualTo(200);
    Rollouts.assertDeploymentFinished(deployment.json().path("data"));
  }

  @Test
  @Order(2)
  void aManualDeploymentHasNoSteps() {
    Api.Reply list = API.get("/api/deployments?limit=100");
    Optional<JsonNode> manual =
        Rollouts.list(list.json().path("data")).stream()
            .filter(d -> !d.path("automated").asBoolean())
            .findFirst();
    assertThat(manual).as("a manual (seeded) deployment in %s", list.body()).isPresent();
    JsonNode data = ROLLOUTS.steps(manual.get().path("id").asLong());
    assertThat(data.path("automated").asBoolean()).isFalse();
    assertThat(data.path("steps").size()).as("steps of %s", data).isZero();
    assertThat(data.path("worker").isNull()).as("worker of %s", data).isTrue();
    assertThat(data.path("attempts").asInt()).isZero();
  }

  @Test
  @Order(3)
  void threeWorkersShareNineRollouts() {
    String out = MAKE.succeed("three workers", "scale-worker", "N=3");
    assertThat(out)
        .as("make scale-worker shows the workers and how to create rollouts")
        .contains("CONSUMER NAME", "/api/deployments");
    assertThat(workers()).hasSize(3).allMatch(Worker::healthy);

    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      ids.add(ROLLOUTS.request("api", "staging", "v7.1." + i));
    }
    ROLLOUTS.awaitFinished(Duration.ofSeconds(240), ids);
    Map<String, Long> byWorker = new TreeMap<>();
    for (long id : ids) {
      JsonNode data = ROLLOUTS.steps(id);
      Rollouts.assertFinishedConsistently(data);
      byWorker.merge(data.path("worker").asText(), 1L, Long::sum);
    }
    assertThat(byWorker).as("rollouts by worker").hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  @Order(4)
  void aWorkerKilledMidRolloutLeavesItsJobToAnother() {
    Map<String, Worker> byHost =
        workers().stream()
            .filter(w -> w.state().equals("running"))
            .collect(Collectors.toMap(Worker::hostname, Function.identity()));
    assertThat(byHost).as("running workers").hasSizeGreaterThanOrEqualTo(2);

    // Three rollouts; the first one seen in an early step (several seconds still to go) loses its
    // worker. A rollout that finishes between the look and the kill is tried again, twice at most.
    Optional<Caught> killed = Optional.empty();
    List<Long> all = new ArrayList<>();
    for (int attempt = 1; attempt <= 3 && killed.isEmpty(); attempt++) {
      List<Long> ids = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        ids.add(ROLLOUTS.request("api", "staging", "v7.2." + attempt + i));
      }
      all.addAll(ids);
      Caught caught;
      try {
        caught =
            await("a rollout of " + ids + " running an early step on a known worker")
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> earlyStep(ids, byHost), Optional::isPresent)
                .orElseThrow();
      } catch (ConditionTimeoutException e) {
        System.out.println("no rollout caught in an early step (try " + attempt + ")");
        continue;
      }
      COMPOSE.docker("kill", caught.worker().id()).outOrFail();
      byHost.remove(caught.worker().hostname());
      if (ROLLOUTS.steps(caught.id()).path("status").asText().equals("in_progress")) {
        killed = Optional.of(caught);
      }
    }
    assertThat(killed).as("a worker killed while it ran a rollout (3 tries)").isPresent();
    Caught caught = killed.get();
    System.out.printf(
        "killed worker-%d (%s) during step %s of rollout %d%n",
        caught.worker().number(), caught.worker().hostname(), caught.step(), caught.id());

    ROLLOUTS.awaitFinished(Duration.ofSeconds(300), List.of(caught.id()));
    JsonNode data = ROLLOUTS.steps(caught.id());
    Rollouts.assertFinishedConsistently(data);
    assertThat(data.path("attempts").asInt()).as("attempts of %s", data).isGreaterThanOrEqualTo(2);
    assertThat(data.path("worker").asText())
        .as("taken over by another worker")
        .isNotEqualTo(caught.worker().hostname());
    long ran =
        Rollouts.list(data.path("steps")).stream()
            .filter(s -> !List.of("waiting", "skipped").contains(s.path("status").asText()))
            .count();
    String rows =
        COMPOSE.psql(
            "select count(*) || ' ' || count(distinct step) from deployment_steps where"
                + " deployment_id = "
                + caught.id());
    assertThat(rows)
        .as("deployment_steps rows and distinct steps: each step recorded once")
        .isEqualTo(ran + " " + ran);
    ROLLOUTS.awaitFinished(Duration.ofSeconds(240), all);
  }

  @Test
  @Order(5)
  void backToOneWorker() {
    MAKE.succeed("one worker", "scale-worker", "N=1");
    assertThat(workers()).hasSize(1).allMatch(Worker::healthy);
  }

  record Caught(long id, String step, Worker worker) {}

  /**
   * A rollout of {@code ids} in progress with one of its first 3 steps running on a known worker.
   */
  private static Optional<Caught> earlyStep(List<Long> ids, Map<String, Worker> byHost) {
    for (long id : ids) {
      JsonNode data = ROLLOUTS.steps(id);
      Worker worker = byHost.get(data.path("worker").asText());
      if (!data.path("status").asText().equals("in_progress") || worker == null) {
        continue;
      }
      for (JsonNode step : data.path("steps")) {
        if (step.path("status").asText().equals("running") && step.path("position").asInt() <= 3) {
          return Optional.of(new Caught(id, step.path("step").asText(), worker));
        }
      }
    }
    return Optional.empty();
  }
}
