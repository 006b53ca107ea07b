package dev.zerotorunning.scenarios.chaos;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Command;
import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.DeploymentsSnapshot;
import dev.zerotorunning.scenarios.support.Make;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chaos stack (make chaos: its own project, writes unlimited, short rollout steps) and what the
 * fault scenarios do with it: make targets, container lives, fixed holds, database fingerprints.
 * Each scenario starts from a healthy stack and leaves it healthy.
 */
final class Chaos {
  /** Tells this run's records from earlier runs' (versions such as v123.9.1). */
  static final int RUN_ID = ThreadLocalRandom.current().nextInt(100, 1000);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LONG_RUNNING = List.of("db", "redis", "api", "worker", "web");

  final StackUnderTest stack = StackUnderTest.fromEnvironment();
  final Compose compose = stack.compose();

  /** The API on its own port. */
  final Api api = new Api(stack.api());

  /** The dashboard's origin (its dev server proxies /api). */
  final Api web = new Api(stack.web());

  /** Waits until every long-running service is healthy: where each scenario starts. */
  void awaitStackHealthy() {
    LONG_RUNNING.forEach(service -> compose.awaitHealthy(service, Duration.ofSeconds(120)));
  }

  /** {@code make TARGET} on this stack (the environment names it), to its end. */
  Command.Result make(String target) {
    return new Make(stack).run("chaos: make " + target, Map.of(), target);
  }

  /** A command in the repository, with this environment, to its end. */
  Command.Result run(Duration timeout, String... command) {
    return Command.run(stack.root(), Map.of(), timeout, List.of(command));
  }

  /** "started-at restart-count" of a service's container: changes when it restarts. */
  String life(String service) {
    JsonNode container = compose.inspect(service);
    return container.path("State").path("StartedAt").asText()
        + " "
        + container.path("RestartCount").asInt();
  }

  /** SQL on the stack's database: unaligned rows, tuples only. */
  String sql(String query) {
    return compose.psql(query);
  }

  /** Every row of the deployments table as "count md5". */
  String fingerprint() {
    return sql(
        "select count(*) || ' ' || coalesce(md5(string_agg(concat_ws('|', id, service_id,"
            + " environment_id, version, status, deployed_by, started_at, completed_at,"
            + " error_message, updated_at), ',' order by id)), '-') from deployments");
  }

  /** Waits until no rollout is unfinished: then nothing but requests changes the deployments. */
  void awaitRolloutsFinished(Duration atMost) {
    await("every rollout finished")
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> sql("select count(*) from rollouts where finished_at is null").equals("0"));
  }

  /** The deployments as the API lists them, without ids and times (relative to the seeding). */
  DeploymentsSnapshot deployments() {
    return DeploymentsSnapshot.take(api, "/deployments?limit=100");
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  /** A POST /deployments body. */
  static String newDeployment(String service, String environment, String version, String by) {
    return """
    {"service":"%s","environment":"%s","version":"%s","deployed_by":"%s"}\
    """
        .formatted(service, environment, version, by);
  }

  /**
   * Keeps a fault (or the load before it) going for a fixed time: a scenario's parameter, not a
   * wait for a condition.
   */
  static void hold(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static long now() {
    return System.currentTimeMillis();
  }

  /** 12345 (ms) as "12.3s". */
  static String secs(long millis) {
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }

  /** A line of the scenario's log (its class's output in the test report). */
  static void say(String line) {
    System.out.println(line);
  }
}
