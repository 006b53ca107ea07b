package dev.zerotorunning.wander;

import static dev.zerotorunning.wander.support.DeploymentRequests.newDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.Await;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.Scrape;
import dev.zerotorunning.wander.support.SeededStackTest;
import dev.zerotorunning.wander.support.TestStack;
import dev.zerotorunning.wander.worker.RolloutWorker;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker command on the real PostgreSQL and Redis: deployments created through the API roll out
 * on their own, a share fails, two workers split the work but never share a deployment, and a lost
 * job is queued again from PostgreSQL.
 */
class RolloutWorkerTest extends SeededStackTest {
  static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String ROLLOUTS = "wander_rollouts_total";

  private final List<DropwizardTestSupport<WanderConfiguration>> workers = new ArrayList<>();

  @AfterEach
  void stopWorkers() {
    workers.forEach(DropwizardTestSupport::after);
    workers.clear();
    stack.startRedisIfStopped();
  }

  @Test
  void aCreatedDeploymentRollsOutOnItsOwn() throws Exception {
    DropwizardTestSupport<WanderConfiguration> worker = worker("solo");
    long id = create(stack, "v3.1.0");

    JsonNode rollout = awaitEnd(http, id);
    assertThat(rollout.get("status").asText()).isEqualTo("completed");
    assertThat(rollout.get("automated").asBoolean()).isTrue();
    assertThat(rollout.get("worker").asText()).isEqualTo("solo");
    assertThat(rollout.get("attempts").asInt()).isEqualTo(1);
    List<String> names = new ArrayList<>();
    for (JsonNode step : rollout.get("steps")) {
      names.add(step.get("step").asText());
      assertThat(step.get("status").asText()).isEqualTo("succeeded");
      assertThat(step.get("worker").asText()).isEqualTo("solo");
      assertThat(step.get("finished_at").isNull()).isFalse();
      assertThat(step.get("message").asText()).isNotBlank();
    }
    assertThat(names).containsExactly("build", "push", "deploy", "health_check", "done");
    assertThat(stack.stepRows(id)).isEqualTo(5);
    JsonNode deployment = http.get("/deployments/" + id).json().get("data");
    assertThat(deployment.get("completed_at").isNull()).isFalse();
    assertThat(deployment.get("error_message").isNull()).isTrue();
    // The list was invalidated by the worker: no stale "pending" from the cache.
    assertThat(
            http.get("/deployments?status=completed").json().get("data").get(0).get("id").asLong())
        .isEqualTo(id);

    // No API on the worker: the admin port is its only one, for health checks and metrics.
    assertThat(worker.getEnvironment().getApplicationContext().getServer().getConnectors())
        .hasSize(1);
    Http admin = admin(worker);
    assertThat(admin.get("/live").expectStatus(200).body()).contains("worker: up");
    assertThat(admin.get("/ready").expectStatus(200).body()).contains("worker: up");
    awaitRollouts(admin, "completed", 1);
    Scrape scrape = Scrape.of(admin);
    assertThat(scrape.value(ROLLOUTS, "outcome", "failed")).isZero();
    assertThat(scrape.matching(ROLLOUTS)).hasSize(6); // every outcome, from 0
    assertThat(scrape.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
  }

  @Test
  void aFailedRolloutStopsAtOneStepAndSaysWhy() throws Exception {
    DropwizardTestSupport<WanderConfiguration> worker = worker("unlucky", "rollout.failureRate=1");
    long id = create(stack, "v3.2.0");

    JsonNode rollout = awaitEnd(http, id);
    assertThat(rollout.get("status").asText()).isEqualTo("failed");
    List<String> statuses = new ArrayList<>();
    String failure = null;
    for (JsonNode step : rollout.get("steps")) {
      statuses.add(step.get("status").asText());
      if (step.get("status").asText().equals("failed")) {
        failure = step.get("message").asText();
      }
    }
    int failedAt = statuses.indexOf("failed");
    assertThat(failedAt).as("the failing step, never 'done'").isBetween(0, 3);
    assertThat(statuses.subList(0, failedAt)).allMatch("succeeded"::equals);
    assertThat(statuses.subList(failedAt + 1, 5)).containsOnly("skipped");
    assertThat(stack.stepRows(id)).isEqualTo(failedAt + 1);
    String error = http.get("/deployments/" + id).json().get("data").get("error_message").asText();
    assertThat(error).endsWith(" failed: " + failure);
    awaitRollouts(admin(worker), "failed", 1);
    assertThat(Scrape.of(admin(worker)).value(ROLLOUTS, "outcome", "completed")).isZero();
  }

  @Test
  void twoWorkersShareTheJobsButNeverOneDeployment() throws Exception {
    worker("left");
    worker("right");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long id = create(stack, "v4.0." + i);
      ids.add(id);
      // Every job delivered twice, as at-least-once allows: both workers may get the same one.
      stack.redis().xadd(TestStack.ROLLOUT_STREAM, Map.of("deployment_id", Long.toString(id)));
    }

    Set<String> ranBy = new HashSet<>();
    for (long id : ids) {
      JsonNode rollout = awaitEnd(http, id);
      assertThat(rollout.get("status").asText()).isEqualTo("completed");
      assertThat(rollout.get("attempts").asInt()).as("taken once").isEqualTo(1);
      assertThat(stack.stepRows(id)).isEqualTo(5);
      assertThat(distinctStepWorkers(id)).as("steps of %d run by one worker", id).isEqualTo(1);
      ranBy.add(rollout.get("worker").asText());
    }
    assertThat(ranBy).containsExactlyInAnyOrder("left", "right");
    // Duplicates are acknowledged too once they find nothing left to do.
    Await.until(
        "every job is acknowledged",
        DEADLINE,
        () -> stack.redis().xpending(TestStack.ROLLOUT_STREAM, "rollout-workers").getCount() == 0);
  }

  @Test
  void aRolloutWhoseJobRedisNeverGotOrLostIsQueuedFromPostgres() throws Exception {
    stack.stopRedis();
    long neverQueued = create(stack, "v5.0.0");
    stack.startRedis();
    long lost = create(stack, "v5.0.1");
    // Redis restarted without its data, long after the job was queued.
    stack.redis().del(TestStack.ROLLOUT_STREAM);
    stack
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE rollouts SET enqueued_at = now() - interval '10 minutes'"
                        + " WHERE deployment_id = ?",
                    lost));

    worker("relay");
    assertThat(awaitEnd(http, neverQueued).get("status").asText()).isEqualTo("completed");
    assertThat(awaitEnd(http, lost).get("status").asText()).isEqualTo("completed");
  }

  @Test
  void aWorkerWithoutRedisIsNotReadyAndCarriesOnWhenItReturns() throws Exception {
    DropwizardTestSupport<WanderConfiguration> worker = worker("patient");
    Http admin = admin(worker);

    stack.stopRedis();
    assertThat(admin.get("/ready").expectStatus(503).body()).contains("redis: down");
    // Liveness is the loop alone: it waits for Redis, so Kubernetes must not restart it.
    assertThat(admin.get("/live").expectStatus(200).body()).contains("worker: up");
    stack.startRedis();
    Await.until("the worker is ready again", DEADLINE, () -> admin.get("/ready").status() == 200);
    long id = create(stack, "v6.0.0");
    assertThat(awaitEnd(http, id).get("status").asText()).isEqualTo("completed");
  }

  @Test
  void aWorkerWhoseLoopStoppedIsNotLive() throws Exception {
    DropwizardTestSupport<WanderConfiguration> worker = worker("stopped");
    Http admin = admin(worker);
    assertThat(admin.get("/live").expectStatus(200).body()).contains("worker: up");
    for (LifeCycle managed : worker.getEnvironment().lifecycle().getManagedObjects()) {
      if (managed instanceof JettyManaged m && m.getManaged() instanceof RolloutWorker loop) {
        loop.stop();
      }
    }
    assertThat(admin.get("/live").expectStatus(503).body())
        .contains("not live")
        .contains("worker stopped is not running");
  }

  /** The worker counts a rollout once its end is written: soon after the API shows it. */
  private static void awaitRollouts(Http admin, String outcome, double count) {
    Await.until(
        ROLLOUTS + "{outcome=" + outcome + "} = " + count,
        DEADLINE,
        () -> Scrape.of(admin).value(ROLLOUTS, "outcome", outcome) == count);
  }

  /** The worker's one connector: its admin port. */
  private static Http admin(DropwizardTestSupport<WanderConfiguration> worker) {
    Connector[] connectors =
        worker.getEnvironment().getApplicationContext().getServer().getConnectors();
    return new Http("http://localhost:" + ((ServerConnector) connectors[0]).getLocalPort());
  }

  private DropwizardTestSupport<WanderConfiguration> worker(String name, String... extra)
      throws Exception {
    DropwizardTestSupport<WanderConfiguration> worker = stack.startWorker(name, extra);
    workers.add(worker);
    return worker;
  }

  static long create(TestStack stack, String version) {
    return stack
        .http()
        .post("/deployments", newDeployment("frontend", "staging", version, "ci@example.com"))
        .expectStatus(201)
        .json()
        .get("data")
        .get("id")
        .asLong();
  }

  /** The rollout view once the deployment has completed or failed. */
  static JsonNode awaitEnd(Http http, long id) {
    return Await.until(
        "deployment " + id + " completes or fails",
        DEADLINE,
        () -> {
          JsonNode rollout =
              http.get("/deployments/" + id + "/steps").expectStatus(200).json().get("data");
          String status = rollout.get("status").asText();
          return status.equals("completed") || status.equals("failed") ? rollout : null;
        });
  }

  private long distinctStepWorkers(long id) {
    return stack
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(DISTINCT worker) FROM deployment_steps WHERE deployment_id ="
                            + " :id")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .one());
  }
}
