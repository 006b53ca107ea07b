package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zerotorunning.k8s.emit.OutputTree;
import dev.zerotorunning.k8s.emit.StaleDiff;
import dev.zerotorunning.k8s.load.ComposeLoader;
import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.pipeline.Pipeline;
import dev.zerotorunning.k8s.validate.OutputValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases: {@code golden/<case>/compose.yaml} (+ optional .env, .env.example, case.properties
 * and files it mounts) against {@code golden/<case>/expected/}. One code path both checks and
 * regenerates: run with {@code -Dgolden.update=true} (or GOLDEN_UPDATE=true) to rewrite expected/
 * after a deliberate change, then review the diff in git.
 *
 * <p>expected/ holds the generated files plus {@code report.txt} (the diagnostics) and, for a
 * compose file that must be rejected, {@code error.txt} instead of manifests. Every expected
 * manifest set is also schema- and cross-validated as it lies on disk.
 *
 * <p>case.properties: {@code strict=true}; {@code env-files=a,b} (explicit --env-file list); {@code
 * compose-files=a,b} (merged like {@code docker compose -f a -f b}); {@code profiles=x,y}.
 */
class GoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden");
  static final boolean UPDATE =
      Boolean.getBoolean("golden.update")
          || "true".equalsIgnoreCase(System.getenv("GOLDEN_UPDATE"));

  @TestFactory
  Stream<DynamicTest> goldenCases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      List<Path> cases =
          dirs.filter(d -> Files.isRegularFile(d.resolve("compose.yaml"))).sorted().toList();
      assertTrue(cases.size() >= 8, "golden cases missing under " + ROOT);
      return cases.stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  private void check(Path dir) throws IOException {
    Map<String, String> actual = render(dir);
    assertEquals(actual, render(dir), "two runs on the same input must be byte-identical");
    Path expectedDir = dir.resolve("expected");
    if (UPDATE) {
      new OutputTreeWriter(actual).writeTo(expectedDir);
    }
    Map<String, String> expected = OutputTree.onDisk(expectedDir);
    String diff = StaleDiff.between(expected, actual, "expected");
    if (!diff.isEmpty()) {
      fail(
          dir.getFileName()
              + ": output differs from expected/ (run with -Dgolden.update=true if intended):\n"
              + diff);
    }
    if (!expected.containsKey("error.txt")) {
      Map<String, String> manifests = new TreeMap<>(expected);
      manifests.remove("report.txt");
      assertEquals(
          List.of(),
          OutputValidator.validate(manifests),
          "expected/ must be valid Kubernetes objects");
    }
  }

  /**
   * The generator's output for a case, plus report.txt; or error.txt when the compose file is
   * rejected.
   */
  static Map<String, String> render(Path dir) throws IOException {
    Properties props = new Properties();
    Path propsFile = dir.resolve("case.properties");
    if (Files.exists(propsFile)) {
      try (InputStream in = Files.newInputStream(propsFile)) {
        props.load(in);
      }
    }
    List<Path> envFiles =
        Arrays.stream(props.getProperty("env-files", "").split(","))
            .filter(s -> !s.isBlank())
            .map(s -> dir.resolve(s.trim()))
            .toList();
    Map<String, String> out = new TreeMap<>();
    Pipeline.Result result;
    try {
      EnvSources env = EnvSources.load(envFiles, dir.toAbsolutePath(), Map.of());
      List<Path> composeFiles =
          Arrays.stream(props.getProperty("compose-files", "compose.yaml").split(","))
              .map(s -> dir.resolve(s.trim()))
              .toList();
      List<String> profiles =
          Arrays.stream(props.getProperty("profiles", "").split(","))
              .filter(s -> !s.isBlank())
              .toList();
      result = Pipeline.run(new ComposeLoader().load(composeFiles, env, profiles));
    } catch (IllegalArgumentException e) {
      out.put("error.txt", e.getMessage() + "\n");
      return out;
    }
    out.put("report.txt", result.report());
    assertEquals(List.of(), result.errors(), "generated objects must validate");
    if (Boolean.parseBoolean(props.getProperty("strict", "false"))
        && result.project().diagnostics().hasUnsupported()) {
      out.put(
          "error.txt",
          "--strict: the compose file uses keys listed as unsupported in report.txt\n");
      return out;
    }
    out.putAll(result.output().files());
    return out;
  }

  /** Replaces expected/ with the given files (the only place tests write to the source tree). */
  private record OutputTreeWriter(Map<String, String> files) {
    void writeTo(Path dir) throws IOException {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.getValue());
      }
    }
  }
}
