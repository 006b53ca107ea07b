package dev.zerotorunning.scenarios.e2e.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Command;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * make dev on a machine with every JDK hidden: the JDK directories are masked by empty tmpfs mounts
 * in a private mount namespace (root and unshare: CI), so the scripts find java and javac gone the
 * way a machine without a JDK has them gone; no flag tells them. make dev then builds the API image
 * with Maven and Jib inside MAVEN_IMAGE (FORCE=1: really built) and the stack serves the data. Its
 * name sorts it after the other e2e scenarios (they run in alphabetical order): it rebuilds the API
 * image, so it runs last.
 */
@Tag("e2e-profiles")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WithoutJdkTest {
  /** Run by bash in the new mount namespace: mask JDK_DIRS, prove it, then exec make. */
  private static final String MASK_THEN_RUN =
      """
      for dir in $JDK_DIRS; do mount -t tmpfs tmpfs "$dir"; done
      unset JAVA_HOME
      if java -version >/dev/null 2>&1 || javac -version >/dev/null 2>&1; then
        echo "a JDK is still visible"; exit 3
      fi
      echo "masked: $JDK_DIRS (java and javac do not run)"
      exec "$@"
      """;

  private final Profiles profiles = new Profiles();
  private String jdkDirs = "";
  private String output = "";

  @BeforeAll
  void rootAndUnshare() {
    Command.Result id =
        Command.run(profiles.stack.root(), Map.of(), Duration.ofSeconds(10), List.of("id", "-u"));
    assumeTrue(
        id.out().strip().equals("0") && onPath("unshare").isPresent(),
        "masking the JDK needs root and unshare (CI has both)");
    jdkDirs = String.join(" ", jdkDirectories());
  }

  @Test
  @Order(1)
  void makeDevSucceedsWithEveryJdkHidden() {
    profiles.make.succeed("before the no-JDK run", "down");
    Command.Result dev =
        profiles.make.runUnder(
            List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "bash",
                "-c",
                MASK_THEN_RUN,
                "nojdk"),
            "no JDK: Jib in MAVEN_IMAGE",
            Map.of("FORCE", "1", "JDK_DIRS", jdkDirs),
            "dev");
    output = dev.out() + dev.err();
    assertThat(dev.exitCode()).as("make dev with %s hidden: %s", jdkDirs, output).isZero();
  }

  @Test
  @Order(2)
  void thePreflightSaysWhichPathItTookAndTheImageWasBuiltInTheContainer() {
    assertThat(output)
        .contains("preflight: no JDK here: the API is built inside")
        .containsPattern("(?m)no JDK here \\.\\.\\.$")
        .contains("build: " + System.getenv().getOrDefault("API_IMAGE", "") + " built in");
  }

  @Test
  @Order(3)
  void theApiBuiltWithoutAJdkServesTheData() {
    Api.Reply reply = profiles.web.get("/api/deployments?limit=1");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("count").asInt()).as(reply.body()).isPositive();
  }

  /**
   * The directories that hold a JDK here: /usr/lib/jvm, JAVA_HOME, and the homes of the java and
   * javac on PATH; a directory inside another listed one is covered by it.
   */
  static List<String> jdkDirectories() {
    TreeSet<Path> found = new TreeSet<>();
    Stream.of(Path.of("/usr/lib/jvm")).filter(Files::isDirectory).forEach(found::add);
    Optional.ofNullable(System.getenv("JAVA_HOME"))
        .filter(home -> !home.isBlank())
        .ifPresent(home -> found.add(Path.of(home)));
    for (String tool : List.of("java", "javac")) {
      onPath(tool)
          .map(WithoutJdkTest::realPath)
          .map(bin -> bin.getParent().getParent())
          .ifPresent(found::add);
    }
    List<Path> kept = new ArrayList<>();
    for (Path dir : found) {
      if (kept.stream().noneMatch(dir::startsWith)) {
        kept.add(dir);
      }
    }
    return kept.stream().map(Path::toString).collect(Collectors.toList());
  }

  private static Optional<Path> onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, tool))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + path, e);
    }
  }
}
