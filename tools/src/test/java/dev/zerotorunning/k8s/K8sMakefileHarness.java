package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zerotorunning.k8s.load.ComposeLoader;
import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.pipeline.Pipeline;
import dev.zerotorunning.stack.StackTool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Makefile's Kubernetes path for real ({@code make -f mk/k8s.mk ...}, the scripts, the
 * generator) in a copy of the project, against the recording fakes of {@link FakeClusterTools}. No
 * cluster is needed, which is the point: none can run on this machine.
 */
abstract class K8sMakefileHarness {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final String CLUSTER = "zero-to-running";
  static final String CTX = "kubectl --context kind-" + CLUSTER;
  static final String NS = CTX + " --namespace " + CLUSTER;

  @TempDir Path tmp;
  Path project;
  Path bin;
  Path state;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(Files.isRegularFile(REPO.resolve("mk/k8s.mk")), "mk/k8s.mk not found from " + REPO);
    assumeTrue(onPath("make") && onPath("bash"), "make and bash are needed");
    project = tmp.resolve("project");
    bin = tmp.resolve("bin");
    state = tmp.resolve("state");
    copy(REPO.resolve("mk/k8s.mk"), project.resolve("mk/k8s.mk"));
    copy(REPO.resolve("scripts/lib.sh"), project.resolve("scripts/lib.sh"));
    copy(REPO.resolve("scripts/worker-spread.sql"), project.resolve("scripts/worker-spread.sql"));
    try (Stream<Path> scripts = Files.list(REPO.resolve("scripts/k8s"))) {
      for (Path s : scripts.toList()) {
        copy(s, project.resolve("scripts/k8s").resolve(s.getFileName()));
      }
    }
    Path golden = GoldenTest.ROOT.resolve("project-stack");
    copy(golden.resolve("compose.yaml"), project.resolve("compose.yaml"));
    copy(golden.resolve(".env.example"), project.resolve(".env.example"));
    copy(golden.resolve("web/default.conf.template"), project.resolve("web/default.conf.template"));
    EnvSources env = EnvSources.load(List.of(project.resolve(".env.example")), project, Map.of());
    Pipeline.run(new ComposeLoader().load(project.resolve("compose.yaml"), env))
        .output()
        .write(project.resolve("k8s-generated"));
    Files.createDirectories(project.resolve("api/src"));
    Files.writeString(project.resolve("api/src/Main.java"), "class Main {}\n");
    FakeClusterTools.install(bin, state);
  }

  /** The port-forwards make dev K8S=1 leaves running (the fake's stand-ins), whatever happened. */
  @AfterEach
  void stopPortForwards() throws IOException {
    Path pids = project.resolve(".k8s-local/port-forward.pids");
    if (Files.exists(pids)) {
      for (String pid : Files.readAllLines(pids)) {
        ProcessHandle.of(Long.parseLong(pid.trim()))
            .ifPresent(
                p -> {
                  p.descendants().forEach(ProcessHandle::destroy);
                  p.destroy();
                });
      }
    }
  }

  /** Lines of the output that report a failure (fail/die print "✗"). */
  static long errorLines(Run run) {
    return run.output().lines().filter(l -> l.contains("✗")).count();
  }

  /** The fake API server's pods: workload -> "generation image=node-image-id ...". */
  Map<String, String> pods() throws IOException {
    return FakeKubeApi.keyValues(state.resolve("pods"));
  }

  /** Each Job the fake API server created: "name release". */
  List<String> jobRuns() throws IOException {
    Path log = state.resolve("job-runs.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** The ID Docker's (fake) store holds for an image. */
  String imageId(String image) throws IOException {
    return FakeKubeApi.keyValues(state.resolve("images")).get(image);
  }

  Run make(String target, String... vars) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of("make", "--no-print-directory", "-f", "mk/k8s.mk", target));
    return run(cmd, List.of(vars));
  }

  /** The names .env.example sets: the project's settings. */
  static Set<String> projectSettings() throws IOException {
    Set<String> names = new HashSet<>();
    for (String line : Files.readAllLines(REPO.resolve(".env.example"))) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        names.add(line.substring(0, eq).trim());
      }
    }
    return names;
  }

  Run run(List<String> cmd, List<String> vars) throws Exception {
    List<String> full = new ArrayList<>(cmd);
    full.add(
        "K8S_GEN="
            + System.getProperty("java.home")
            + "/bin/java -cp "
            + System.getProperty("java.class.path")
            + " "
            + K8sGen.class.getName());
    full.add("K8S_GEN_DEPS=");
    full.add("K8S_BUILD_CMD=" + bin.resolve("build"));
    ProcessBuilder pb =
        new ProcessBuilder(full).directory(project.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("NO_COLOR", "1");
    // the stack inspection (make workers K8S=1's table) from the same class path
    pb.environment()
        .put(
            "STACK_TOOL",
            System.getProperty("java.home")
                + "/bin/java -cp "
                + System.getProperty("java.class.path")
                + " "
                + StackTool.class.getName());
    pb.environment().remove("COMPOSE_FILE");
    pb.environment().remove("COMPOSE_PROFILES");
    // under `make test` the outer make exports its K8S_* settings (K8S_ENV_FILE=.env.example)
    pb.environment().keySet().removeIf(k -> k.startsWith("K8S_"));
    // and a shell (make e2e, a developer's) may export the project's settings (API_IMAGE, ports):
    // the runs here get the defaults their assertions name
    pb.environment().keySet().removeAll(projectSettings());
    pb.environment().remove("COMPOSE_PROJECT_NAME");
    for (String v : vars) {
      String[] kv = v.split("=", 2);
      pb.environment().put(kv[0], kv[1]); // environment, so PATH overrides reach the scripts too
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "make timed out");
    return new Run(p.exitValue(), out);
  }

  record Run(int exit, String output) {}

  /** Each expected prefix matches a call after the previous match. */
  static void assertInOrder(List<String> calls, String... expectedPrefixes) {
    int at = 0;
    for (String expected : expectedPrefixes) {
      while (at < calls.size() && !calls.get(at).startsWith(expected)) {
        at++;
      }
      assertTrue(
          at < calls.size(),
          "missing or out of order: " + expected + "\ncalls:\n" + String.join("\n", calls));
      at++;
    }
  }

  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
  }

  static boolean onPath(String tool) {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  static void assertLine(Run run, String regex) {
    assertTrue(
        run.output().lines().anyMatch(l -> l.matches(regex)), regex + " in:\n" + run.output());
  }

  /** Failed, saying {@code message}, in one error line. */
  static void assertRefused(Run run, String message) {
    assertNotEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains(message), run.output());
    assertEquals(1, errorLines(run), run.output());
  }

  /** The content tag make dev K8S=1 gives an image: its tag plus the first 12 hex of its ID. */
  String contentTag(String image) throws IOException {
    return image + "-" + imageId(image).substring(7, 19);
  }
}
