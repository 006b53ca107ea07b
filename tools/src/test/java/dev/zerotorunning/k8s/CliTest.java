package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' contracts: exit codes, what is written, what is printed. */
class CliTest {
  @TempDir Path tmp;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = K8sGen.execute(args);
      return new Result(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private String compose(String name) {
    return GoldenTest.ROOT.resolve(name).resolve("compose.yaml").toString();
  }

  @Test
  void generateThenCheckThenDriftThenStaleFileRemoval() throws Exception {
    Path out = tmp.resolve("k8s");
    assertEquals(
        0,
        run("generate", "--compose-file", compose("project-stack"), "--out", out.toString()).exit);
    assertEquals(
        0, run("check", "--compose-file", compose("project-stack"), "--out", out.toString()).exit);
    Files.writeString(out.resolve("base/service-web.yaml"), "edited\n");
    Files.writeString(out.resolve("leftover.yaml"), "old\n");
    Result stale =
        run("check", "--compose-file", compose("project-stack"), "--out", out.toString());
    assertEquals(1, stale.exit);
    assertTrue(stale.out.contains("-edited") && stale.out.contains("leftover.yaml"), stale.out);
    assertTrue(stale.err.contains("run `make k8s`"), stale.err);
    assertEquals(
        0,
        run("generate", "--compose-file", compose("project-stack"), "--out", out.toString()).exit);
    assertFalse(Files.exists(out.resolve("leftover.yaml")), "generate owns the directory");
  }

  @Test
  void strictFailsOnUnsupportedKeysAndWritesNothing() {
    Path out = tmp.resolve("strict");
    Result r =
        run(
            "generate",
            "--strict",
            "--compose-file",
            compose("unsupported-keys"),
            "--out",
            out.toString());
    assertEquals(1, r.exit);
    assertTrue(r.err.contains("unsupported: app: key \"extra_hosts\""), r.err);
    assertFalse(Files.exists(out));
    assertEquals(
        0,
        run("generate", "--compose-file", compose("unsupported-keys"), "--out", out.toString())
            .exit);
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    Result r =
        run(
            "generate",
            "--compose-file",
            compose("interpolation-required-missing"),
            "--out",
            tmp.toString());
    assertEquals(2, r.exit);
    assertTrue(
        r.err.startsWith("k8s-gen: services.db.environment.POSTGRES_PASSWORD: required variable"),
        r.err);
    assertEquals(2, run("generate", "--compose-file", tmp.resolve("nope.yaml").toString()).exit);
  }

  @Test
  void secretsGoToGitIgnoredFilesAndTaskPrintsAJob() throws Exception {
    Path out = tmp.resolve("k8s");
    run("generate", "--compose-file", compose("project-stack"), "--out", out.toString());
    assertTrue(Files.readString(out.resolve("base/.gitignore")).contains("secrets/"));
    assertEquals(
        0,
        run("secrets", "--compose-file", compose("project-stack"), "--out", out.toString()).exit);
    assertEquals(
        "DATABASE_PASSWORD=wander\n", Files.readString(out.resolve("base/secrets/api.env")));
    Result task =
        run(
            "task",
            "--compose-file",
            compose("project-stack"),
            "--name",
            "seed",
            "--service",
            "migrate",
            "--",
            "db",
            "seed",
            "/app/config/config.yml");
    assertEquals(0, task.exit, task.err);
    assertTrue(
        task.out.contains("kind: Job")
            && task.out.contains("- seed")
            && task.out.contains("wait-for-db"),
        task.out);
  }

  @Test
  void composeSecretsReachTheClusterOnlyThroughFilesWrittenAtApplyTime() throws Exception {
    Path out = tmp.resolve("k8s");
    String compose = compose("secrets-and-configs");
    assertEquals(0, run("generate", "--compose-file", compose, "--out", out.toString()).exit);
    for (Path f : Files.walk(out).filter(Files::isRegularFile).toList()) {
      String text = Files.readString(f);
      assertFalse(
          text.contains("fake-db-password") || text.contains("fake-token"),
          f + " holds a secret value");
    }
    assertEquals(0, run("secrets", "--compose-file", compose, "--out", out.toString()).exit);
    assertEquals(
        "fake-db-password-not-real\n",
        Files.readString(out.resolve("base/secrets/files/db_password")),
        "file: secrets are copied byte for byte");
    assertEquals(
        "fake-token-from-dot-env", Files.readString(out.resolve("base/secrets/files/api_token")));
    Result unset =
        run(
            "secrets",
            "--compose-file",
            compose,
            "--env-file",
            GoldenTest.ROOT.resolve("interpolation/.env.example").toString(),
            "--out",
            out.toString());
    assertEquals(2, unset.exit);
    assertEquals(
        "k8s-gen: secret api_token: variable API_TOKEN is not set; set it in .env\n", unset.err);
  }

  @Test
  void modelPrintsNormalisedJson() {
    Result r = run("model", "--json", "--compose-file", compose("project-stack"));
    assertEquals(0, r.exit, r.err);
    assertTrue(
        r.out.contains("\"condition\"") || r.out.contains("service_completed_successfully"), r.out);
    assertTrue(r.out.startsWith("{\n  \"name\": \"zero-to-running\""), r.out);
  }
}
