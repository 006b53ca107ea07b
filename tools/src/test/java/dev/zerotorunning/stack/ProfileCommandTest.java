package dev.zerotorunning.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code make dev PROFILE=...} as {@code stack profile} resolves it: the partial stacks of the real
 * compose.override.yaml, Compose profiles read from the real compose files (plus a fixture that
 * declares two) by {@code docker compose config}, which needs no daemon. Skipped where the Compose
 * CLI is not installed.
 */
class ProfileCommandTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final String FIXTURE =
      """
      services:
        metrics:
          image: example/metrics
          profiles: [extra-metrics]
        tracing:
          image: example/tracing
          profiles: [extra-tracing]
      """;

  @TempDir Path tmp;
  Path fixture;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(composeAvailable(), "docker compose is not installed");
    fixture = tmp.resolve("profiles.yaml");
    Files.writeString(fixture, FIXTURE);
  }

  /** PARTIAL_STACK|PROFILE_SERVICES|COMPOSE_PROFILES, or the error line with exit 1. */
  record Resolved(int exit, String output) {}

  /** What dev.sh evals, as PARTIAL_STACK|PROFILE_SERVICES|COMPOSE_PROFILES; else the error. */
  Resolved resolve(String profile) {
    String compose =
        String.join(
            " ",
            "docker compose --env-file",
            REPO.resolve(".env.example").toString(),
            "-f",
            REPO.resolve("compose.yaml").toString(),
            "-f",
            REPO.resolve("compose.override.yaml").toString(),
            "-f",
            fixture.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new StackTool())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("profile", "--compose", compose, profile);
    if (exit != 0) {
      return new Resolved(exit, err.toString().strip());
    }
    List<String> values =
        out.toString().lines().map(line -> line.replaceFirst("^[A-Z_]+='(.*)'$", "$1")).toList();
    return new Resolved(exit, String.join("|", values));
  }

  Resolved bash(List<String> scriptAndArgs, Map<String, String> env) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", scriptAndArgs.get(0), "test"));
    cmd.addAll(scriptAndArgs.subList(1, scriptAndArgs.size()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true);
    pb.environment()
        .put(
            "COMPOSE_FILE",
            REPO.resolve("compose.yaml")
                + ":"
                + REPO.resolve("compose.override.yaml")
                + ":"
                + fixture);
    pb.environment().put("COMPOSE", "docker compose --env-file " + REPO.resolve(".env.example"));
    pb.environment().put("NO_COLOR", "1");
    pb.environment().remove("COMPOSE_PROFILES");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash timed out");
    return new Resolved(p.exitValue(), out);
  }

  @Test
  void aPartialStackRunsItsServicesWithNoComposeProfile() throws Exception {
    assertEquals(new Resolved(0, "deps|db redis|"), resolve("deps"));
    assertEquals(new Resolved(0, "backend|db redis migrate api worker|"), resolve("backend"));
    assertEquals(new Resolved(0, "frontend|web|"), resolve("frontend"));
  }

  @Test
  void aComposeProfileAddsItsServicesToTheWholeStack() throws Exception {
    assertEquals(new Resolved(0, "||extra-metrics"), resolve("extra-metrics"));
    assertEquals(
        new Resolved(0, "||extra-metrics,extra-tracing"), resolve("extra-metrics,extra-tracing"));
  }

  @Test
  void aComposeProfileAddsItsServicesToAPartialStack() throws Exception {
    assertEquals(
        new Resolved(0, "backend|db redis migrate api worker metrics|extra-metrics"),
        resolve("backend,extra-metrics"));
    assertEquals(
        new Resolved(0, "deps|db redis metrics tracing|extra-tracing,extra-metrics"),
        resolve("extra-tracing, deps ,extra-metrics"));
  }

  @Test
  void anUnknownNameIsOneLineListingEveryProfileFromItsSource() throws Exception {
    Resolved r = resolve("backend,nope");
    assertEquals(1, r.exit());
    assertEquals(1, r.output().lines().count(), r.output());
    assertTrue(
        r.output()
            .matches("✗ PROFILE=nope is not a profile \\(one of: backend deps frontend .*\\).*"),
        r.output());
    assertTrue(r.output().contains(" extra-metrics") && r.output().contains(" extra-tracing"));
  }

  @Test
  void twoPartialStacksAreRefused() throws Exception {
    Resolved r = resolve("deps,frontend");
    assertEquals(1, r.exit());
    assertTrue(r.output().contains("names two partial stacks (deps and frontend)"), r.output());
  }

  @Test
  void downAndLogsSeeEveryProfile() throws Exception {
    // make down/logs through a recording stand-in for Compose: each call with its COMPOSE_PROFILES
    Path log = tmp.resolve("calls.log");
    Path fake = tmp.resolve("fake-compose");
    Files.writeString(fake, "#!/bin/sh\necho \"$COMPOSE_PROFILES|$*\" >>'" + log + "'\n");
    assertTrue(fake.toFile().setExecutable(true));
    for (String target : List.of("down", "logs")) {
      Resolved r =
          bash(List.of("make --no-print-directory " + target + " COMPOSE=" + fake), Map.of());
      assertEquals(0, r.exit(), r.output());
    }
    assertEquals(
        List.of(
            "*|rm --stop --force --volumes",
            "*|down --remove-orphans",
            "*|logs --follow --tail 100"),
        Files.readAllLines(log).stream().map(String::strip).toList());
  }

  static boolean composeAvailable() {
    try {
      Process p =
          new ProcessBuilder("docker", "compose", "version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
