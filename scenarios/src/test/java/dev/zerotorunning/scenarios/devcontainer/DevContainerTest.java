package dev.zerotorunning.scenarios.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zerotorunning.scenarios.support.Command;
import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dev container (.devcontainer/) with the devcontainer CLI (web's @devcontainers/cli): {@code
 * devcontainer up} builds and starts it (MAVEN_IMAGE from the environment), then the toolchain, the
 * host's Docker through the mounted socket, the workspace at the host's path, make status and the
 * dashboard port on the running stack (when one runs), and the tools module's tests, all inside.
 * The container is removed at the end; its Maven volume stays as a cache.
 */
@Tag("devcontainer")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevContainerTest {
  /**
   * Its own identity, not the workspace folder's: a developer's dev container of this clone is
   * never touched.
   */
  private static final String ID_LABEL = "zero-to-running.e2e=devcontainer";

  /** The settings the host's make uses (project, ports, images), for make inside the container. */
  private static final List<String> FORWARDED =
      List.of(
          "COMPOSE_PROJECT_NAME",
          "WEB_PORT",
          "API_PORT",
          "API_ADMIN_PORT",
          "API_DEBUG_PORT",
          "DB_PORT",
          "REDIS_PORT",
          "PROMETHEUS_PORT",
          "API_IMAGE",
          "WEB_IMAGE",
          "WEB_DEV_IMAGE",
          "POSTGRES_IMAGE",
          "REDIS_IMAGE",
          "JAVA_BASE_IMAGE",
          "NODE_IMAGE",
          "NGINX_IMAGE",
          "MAVEN_IMAGE",
          "PROMETHEUS_IMAGE");

  private static final StackUnderTest STACK = StackUnderTest.fromEnvironment();
  private static final Compose COMPOSE = STACK.compose();

  @BeforeAll
  static void up() throws IOException {
    Path cli = STACK.root().resolve("web/node_modules/.bin/devcontainer");
    assertThat(cli).as("the devcontainer CLI (fix: cd web && npm ci)").isExecutable();
    removeContainer();
    Command.Result up =
        timed("devcontainer up", Duration.ofMinutes(20), cli(false, "up", "--log-level", "info"));
    Path log =
        Files.createDirectories(STACK.root().resolve("build")).resolve("devcontainer-up.log");
    Files.writeString(log, up.out() + up.err());
    assertThat(up.exitCode()).as("devcontainer up (log: build/devcontainer-up.log)").isZero();
  }

  @Test
  @Order(1)
  void toolchainIsInside() {
    Command.Result tools =
        inside(
            true,
            "bash",
            "-c",
            "java -version 2>&1 | grep -q 'version \"21' && mvn -v >/dev/null && node -v && npm -v"
                + " && docker compose version");
    assertThat(tools.exitCode())
        .as("JDK 21, Maven, Node, npm and Docker Compose v2 inside: " + tools.err())
        .isZero();
  }

  @Test
  @Order(2)
  void hostsDockerAnswersInside() {
    String format = "{{.Server.Version}} {{.Server.Os}}";
    String host = COMPOSE.docker("version", "--format", format).outOrFail().strip();
    assertThat(inside(true, "docker", "version", "--format", format).outOrFail().strip())
        .isEqualTo(host);
  }

  @Test
  @Order(3)
  void workspaceIsAtTheHostsPathSoBindMountsResolve() {
    Command.Result at =
        inside(
            true,
            "bash",
            "-c",
            "test \"$(pwd)\" = \"$1\" && test -f compose.override.yaml",
            "_",
            STACK.root().toString());
    assertThat(at.exitCode()).as("the workspace is mounted at " + STACK.root()).isZero();
  }

  @Test
  @Order(4)
  void makeStatusInsideListsTheHostsStack() {
    assumeTrue(stackRuns(), "no stack running: make status is not checked");
    Command.Result status =
        timed("make status (inside)", Duration.ofMinutes(5), cli(true, "exec", "make", "status"));
    assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
    assertThat(status.out())
        .as("make status inside lists the api of " + STACK.project())
        .containsPattern("(?m)^ *api ");
  }

  @Test
  @Order(5)
  void dashboardPortAnswersInside() {
    assumeTrue(stackRuns(), "no stack running: the ports are not checked");
    String url = STACK.web() + "/api/health";
    assertThat(inside(true, "curl", "-fsS", "--max-time", "10", "-o", "/dev/null", url).exitCode())
        .as(url + " answers inside (host network)")
        .isZero();
  }

  @Test
  @Order(6)
  void toolsTestsPassInside() {
    // With none of this run's settings: what a developer's shell in the container has.
    Command.Result test =
        timed(
            "./mvnw -pl tools test (inside)",
            Duration.ofMinutes(20),
            cli(false, "exec", "./mvnw", "-q", "-B", "-pl", "tools", "test"));
    assertThat(test.exitCode())
        .as("./mvnw -pl tools test inside: " + tail(test.out() + test.err()))
        .isZero();
  }

  @AfterAll
  static void removedAtTheEnd() {
    timedRun("remove the dev container", DevContainerTest::removeContainer);
    assertThat(containers()).as("no dev container is left").isEmpty();
  }

  private static boolean stackRuns() {
    return !COMPOSE.run("ps", "--status", "running", "--quiet").out().isBlank();
  }

  private static Command.Result inside(boolean withSettings, String... command) {
    List<String> exec = new ArrayList<>(List.of("exec"));
    exec.addAll(List.of(command));
    return Command.run(
        STACK.root(),
        Map.of(),
        Duration.ofMinutes(5),
        cli(withSettings, exec.toArray(String[]::new)));
  }

  /** devcontainer SUBCOMMAND --workspace-folder ROOT --id-label ... [--remote-env ...] ARGS. */
  private static List<String> cli(boolean withSettings, String... subcommandAndArgs) {
    List<String> command =
        new ArrayList<>(
            List.of(
                STACK.root().resolve("web/node_modules/.bin/devcontainer").toString(),
                subcommandAndArgs[0],
                "--workspace-folder",
                STACK.root().toString(),
                "--id-label",
                ID_LABEL));
    if (withSettings) {
      FORWARDED.stream()
          .filter(name -> System.getenv(name) != null && !System.getenv(name).isBlank())
          .forEach(
              name -> command.addAll(List.of("--remote-env", name + "=" + System.getenv(name))));
    }
    command.addAll(List.of(subcommandAndArgs).subList(1, subcommandAndArgs.length));
    return command;
  }

  private static Command.Result timed(String step, Duration timeout, List<String> command) {
    long start = System.nanoTime();
    Command.Result result = Command.run(STACK.root(), Map.of(), timeout, command);
    System.out.printf(
        "devcontainer: %s took %.1f s (exit %d)%n",
        step, (System.nanoTime() - start) / 1e9, result.exitCode());
    return result;
  }

  private static void timedRun(String step, Runnable action) {
    long start = System.nanoTime();
    action.run();
    System.out.printf("devcontainer: %s took %.1f s%n", step, (System.nanoTime() - start) / 1e9);
  }

  private static List<String> containers() {
    return COMPOSE
        .docker("ps", "-aq", "--filter", "label=" + ID_LABEL)
        .outOrFail()
        .lines()
        .toList();
  }

  /** The dev container and its node_modules volume; the shared Maven cache volume stays. */
  private static void removeContainer() {
    List<String> ids = containers();
    if (ids.isEmpty()) {
      return;
    }
    List<String> inspect =
        new ArrayList<>(
            List.of(
                "inspect",
                "--format",
                "{{range .Mounts}}{{if eq .Type \"volume\"}}{{println .Name}}{{end}}{{end}}"));
    inspect.addAll(ids);
    List<String> volumes =
        COMPOSE
            .docker(inspect.toArray(String[]::new))
            .outOrFail()
            .lines()
            .filter(name -> name.startsWith("zero-to-running-devcontainer-node-modules-"))
            .toList();
    List<String> rm = new ArrayList<>(List.of("rm", "-f"));
    rm.addAll(ids);
    COMPOSE.docker(rm.toArray(String[]::new)).outOrFail();
    if (!volumes.isEmpty()) {
      List<String> volumeRm = new ArrayList<>(List.of("volume", "rm"));
      volumeRm.addAll(volumes);
      COMPOSE.docker(volumeRm.toArray(String[]::new)).outOrFail();
    }
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
