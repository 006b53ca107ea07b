package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zerotorunning.k8s.load.ComposeLoader;
import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.view.ModelView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compose is the reference implementation: for every golden compose file that Compose accepts, our
 * loaded model must equal {@code docker compose config --format json}, both normalised by {@link
 * ModelView}. Skipped where the Compose CLI is not installed (it needs no daemon).
 */
class ComposeReferenceTest {

  @TestFactory
  Stream<DynamicTest> loaderAgreesWithDockerCompose() throws Exception {
    assumeTrue(composeAvailable(), "docker compose is not installed");
    try (Stream<Path> dirs = Files.list(GoldenTest.ROOT)) {
      List<Path> cases =
          dirs.filter(d -> Files.isRegularFile(d.resolve("compose.yaml"))).sorted().toList();
      return cases.stream()
          .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> compare(d)));
    }
  }

  private static void compare(Path dir) throws Exception {
    Path json = Files.createTempFile("compose-config", ".json");
    try {
      // One env file on both sides: .env as Compose reads it by default, else .env.example named
      // explicitly (Compose itself never reads .env.example). A clean environment otherwise.
      Path envFile =
          Files.exists(dir.resolve(".env")) ? dir.resolve(".env") : dir.resolve(".env.example");
      List<String> cmd =
          new java.util.ArrayList<>(List.of("docker", "compose", "-f", "compose.yaml"));
      if (Files.exists(envFile)) {
        cmd.addAll(List.of("--env-file", envFile.getFileName().toString()));
      }
      cmd.addAll(List.of("config", "--format", "json"));
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectOutput(json.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      Map<String, String> env = pb.environment();
      String path = env.get("PATH");
      String home = env.get("HOME");
      env.clear();
      env.put("PATH", path);
      env.put("HOME", home == null ? System.getProperty("user.home") : home);
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        assumeTrue(false, dir.getFileName() + ": Compose rejects this file (an error case)");
      }
      String expected = ModelView.ofComposeConfig(Files.readString(json, StandardCharsets.UTF_8));
      EnvSources sources =
          Files.exists(envFile)
              ? EnvSources.load(List.of(envFile), dir.toAbsolutePath(), Map.of())
              : EnvSources.of(Map.of());
      String actual =
          ModelView.ofModel(new ComposeLoader().load(dir.resolve("compose.yaml"), sources));
      assertEquals(
          expected,
          actual,
          dir.getFileName() + ": k8s-gen reads the file differently from Compose");
    } finally {
      Files.deleteIfExists(json);
    }
  }

  private static boolean composeAvailable() {
    try {
      Process p =
          new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
