package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.Await;
import dev.zerotorunning.wander.support.SeededStackTest;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once, for real: a worker process is killed with SIGKILL in the middle of a rollout, and
 * another worker takes the job over, resumes after the last finished step and records no step
 * twice.
 */
class RolloutTakeoverTest extends SeededStackTest {
  private Process doomed;
  private DropwizardTestSupport<WanderConfiguration> survivor;

  @AfterEach
  void stopWorkers() {
    if (doomed != null) {
      doomed.destroyForcibly();
    }
    if (survivor != null) {
      survivor.after();
    }
  }

  @Test
  void aKilledWorkersRolloutIsTakenOverAndResumed() throws Exception {
    Path log = Files.createDirectories(Path.of("target", "worker-logs")).resolve("doomed.log");
    doomed = spawnWorker("doomed", log);
    long id = RolloutWorkerTest.create(stack, "v7.0.0");

    JsonNode beforeKill =
        Await.until(
            "the doomed worker is in the middle of the deploy step (log: " + log + ")",
            RolloutWorkerTest.DEADLINE,
            () -> {
              JsonNode rollout = steps(id);
              return status(rollout, "deploy").equals("running") ? rollout : null;
            });
    doomed.destroyForcibly().waitFor();

    survivor = stack.startWorker("survivor");
    JsonNode after = RolloutWorkerTest.awaitEnd(http, id);

    assertThat(after.get("status").asText()).isEqualTo("completed");
    assertThat(after.get("worker").asText()).isEqualTo("survivor");
    assertThat(after.get("attempts").asInt()).as("taken twice").isEqualTo(2);
    // The steps the dead worker finished stand as it left them; it is not run again.
    for (int i = 0; i < 2; i++) {
      JsonNode before = beforeKill.get("steps").get(i);
      JsonNode now = after.get("steps").get(i);
      assertThat(now.get("worker").asText()).isEqualTo("doomed");
      assertThat(now.get("started_at")).isEqualTo(before.get("started_at"));
      assertThat(now.get("finished_at")).isEqualTo(before.get("finished_at"));
    }
    // The step it died in, and the rest, are the survivor's: each recorded once.
    for (int i = 2; i < 5; i++) {
      JsonNode now = after.get("steps").get(i);
      assertThat(now.get("status").asText()).isEqualTo("succeeded");
      assertThat(now.get("worker").asText()).isEqualTo("survivor");
    }
    assertThat(stack.stepRows(id)).isEqualTo(5);
  }

  private JsonNode steps(long id) {
    return http.get("/deployments/" + id + "/steps").expectStatus(200).json().get("data");
  }

  private static String status(JsonNode rollout, String step) {
    for (JsonNode s : rollout.get("steps")) {
      if (s.get("step").asText().equals(step)) {
        return s.get("status").asText();
      }
    }
    throw new AssertionError("no step " + step + " in " + rollout);
  }

  /**
   * {@code worker config.yml} in a JVM of its own, configured the way a container is (environment
   * variables), with steps slow enough to be caught mid-way.
   */
  private Process spawnWorker(String name, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    // The shortest lease steps of 1.5 s allow (4.5 s): a quick takeover.
                    "-Ddw.rollout.leaseTtl=1s",
                    WanderApplication.class.getName(),
                    "worker",
                    "config.yml"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("DATABASE_URL", stack.jdbcUrl());
    env.put("DATABASE_USER", "postgres");
    env.put("DATABASE_PASSWORD", "postgres");
    env.put("REDIS_URI", stack.redisUri());
    env.put("WORKER_NAME", name);
    env.put("ADMIN_PORT", "0");
    env.put("ROLLOUT_STEP_DELAY_MIN", "1500ms");
    env.put("ROLLOUT_STEP_DELAY_MAX", "1500ms");
    env.put("ROLLOUT_FAILURE_RATE", "0");
    return builder.start();
  }
}
