package dev.zerotorunning.scenarios.e2e.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Browser;
import dev.zerotorunning.scenarios.support.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * make dev PROFILE=deps (then make run-api on this machine's JVM), backend and frontend, each
 * checked by what runs; a Compose profile (scripts/e2e-profiles.compose.yaml's e2e-extra) beside a
 * partial stack, make status and make down on it, and an unknown PROFILE refused in one line.
 */
@Tag("e2e-profiles")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartialStacksTest {
  private static final Duration API_READY = Duration.ofMinutes(3);

  /** The fixture's Compose profile, e2e-extra (a Redis, nothing published), on top of the files. */
  private static final String WITH_EXTRA_PROFILE =
      "compose.yaml:compose.override.yaml:scripts/e2e-profiles.compose.yaml";

  private final Profiles profiles = new Profiles();
  private final int dbPort = Profiles.port("DB_PORT", 5432);
  private final int redisPort = Profiles.port("REDIS_PORT", 6379);
  private Path ideRunDir;
  private Map<String, String> env;
  private String depsOutput = "";

  @BeforeAll
  void ideRunConfigurationsOfThisRun() throws IOException {
    // The IDE run configurations of this run's ports, not over the developer's .run/.
    ideRunDir = Files.createTempDirectory("e2e-ide-run");
    env = Map.of("IDE_RUN_DIR", ideRunDir.toString());
  }

  @AfterAll
  void removeThem() throws IOException {
    try (var files = Files.walk(ideRunDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  @Order(1)
  void depsRunsPostgresAndRedisOnly() {
    profiles.make.succeed("from a stopped stack", env, "down");
    depsOutput = profiles.make.succeed("PROFILE=deps", env, "dev", "PROFILE=deps");
    assertThat(profiles.runningServices()).as("running after PROFILE=deps").isEqualTo("db redis");
  }

  @Test
  @Order(2)
  void depsPrintsTheIdeSettings() {
    assertThat(depsOutput)
        .contains("make run-api")
        .contains("DATABASE_URL=jdbc:postgresql://localhost:" + dbPort + "/");
  }

  @Test
  @Order(3)
  void depsWritesTheIntellijRunConfigurationAndTheEnvFileVsCodeReads() throws IOException {
    assertThat(Files.readString(ideRunDir.resolve("api-host.run.xml")))
        .contains("localhost:" + dbPort + "/");
    assertThat(Files.readString(ideRunDir.resolve("api-host.env")))
        .containsPattern(Pattern.compile("(?m)^REDIS_URI=redis://localhost:" + redisPort + "/"));
  }

  @Test
  @Order(4)
  void statusAfterDepsNamesTheRestInOneLine() {
    assertThat(profiles.status(env))
        .containsPattern(Pattern.compile("(?m)^Not running: migrate api worker web"))
        .doesNotContain("not created");
  }

  @Test
  @Order(5)
  void runApiServesTheSeedOnThisMachinesJvmBesideDeps() throws Exception {
    Api api = new Api(profiles.stack.api());
    Api admin = new Api(profiles.stack.admin());
    Path log = Files.createTempFile("run-api", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    System.getenv().getOrDefault("MAKE", "make"),
                    "--no-print-directory",
                    "run-api"))
            .directory(profiles.stack.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process runApi = builder.start();
    try {
      await("make run-api: /ready answers 200 on the admin port")
          .atMost(API_READY)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> !runApi.isAlive() || admin.get("/ready").status() == 200);
      assertThat(runApi.isAlive()).as("make run-api still runs: %s", tail(log)).isTrue();
      assertThat(api.get("/health").status()).as("/api/health on the host JVM").isEqualTo(200);
      assertThat(api.get("/deployments?limit=1").json().path("count").asInt())
          .as("the seeded deployments the host JVM serves")
          .isPositive();
      profiles.make.succeed("again, the host API on API_PORT", env, "dev", "PROFILE=deps");
    } finally {
      runApi.descendants().forEach(ProcessHandle::destroy);
      runApi.destroy();
      if (!runApi.waitFor(30, TimeUnit.SECONDS)) {
        runApi.descendants().forEach(ProcessHandle::destroyForcibly);
        runApi.destroyForcibly().waitFor();
      }
      Files.deleteIfExists(log);
    }
  }

  @Test
  @Order(6)
  void backendRunsEverythingButTheWeb() {
    profiles.make.succeed("PROFILE=backend", env, "dev", "PROFILE=backend");
    assertThat(profiles.runningServices())
        .as("running after PROFILE=backend")
        .isEqualTo("api db redis worker");
    assertThat(new Api(profiles.stack.api()).get("/health").status())
        .as("PROFILE=backend: /api/health on the API's port")
        .isEqualTo(200);
  }

  @Test
  @Order(7)
  void frontendRunsTheDevServerAloneAndTheDashboardOnTheMockedApi() {
    profiles.make.succeed(
        "PROFILE=frontend (VITE_POLL=1)", with("VITE_POLL", "1"), "dev", "PROFILE=frontend");
    assertThat(profiles.runningServices()).as("PROFILE=frontend runs no JVM").isEqualTo("web");
    Command.Result poll = profiles.compose.run("exec", "-T", "web", "printenv", "VITE_POLL");
    assertThat(poll.out().strip()).as("VITE_POLL in the web container").isEqualTo("1");
    new Browser(profiles.stack).run("e2e:mocked-api", Map.of());
  }

  @Test
  @Order(8)
  void aComposeProfileRunsBesideAPartialStackAndStatusListsIt() {
    Map<String, String> extra = with("COMPOSE_FILE", WITH_EXTRA_PROFILE);
    Map<String, String> polling = new HashMap<>(extra);
    polling.put("VITE_POLL", "1");
    profiles.make.succeed(
        "a Compose profile beside a partial stack", polling, "dev", "PROFILE=frontend,e2e-extra");
    assertThat(profiles.runningServices(extra))
        .as("running after PROFILE=frontend,e2e-extra")
        .isEqualTo("e2e-extra web");
    assertThat(profiles.status(extra)).containsPattern(Pattern.compile("(?m)^e2e-extra +running"));
  }

  @Test
  @Order(9)
  void anUnknownProfileIsOneLineNamingTheProfiles() {
    Command.Result nope =
        profiles.make.run(
            "must fail", with("COMPOSE_FILE", WITH_EXTRA_PROFILE), "dev", "PROFILE=nope");
    assertThat(nope.exitCode()).as("make dev PROFILE=nope exits").isNotZero();
    assertThat(nope.out() + nope.err())
        .containsPattern(
            Pattern.compile(
                "PROFILE=nope is not a profile \\(one of: backend deps frontend .*e2e-extra.*\\)"));
  }

  @Test
  @Order(10)
  void makeDownStopsEveryProfilesServices() {
    Map<String, String> extra = with("COMPOSE_FILE", WITH_EXTRA_PROFILE);
    profiles.make.succeed("every profile's services", extra, "down");
    assertThat(profiles.runningServices(extra)).as("running after make down").isEmpty();
  }

  private Map<String, String> with(String name, String value) {
    Map<String, String> all = new HashMap<>(env);
    all.put(name, value);
    return all;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }
}
