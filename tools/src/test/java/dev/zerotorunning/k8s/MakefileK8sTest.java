package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zerotorunning.k8s.load.ComposeLoader;
import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.pipeline.Pipeline;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes path of the Makefile, run for real ({@code make -f mk/k8s.mk ...}, the scripts,
 * the generator) against recording fakes of kind, kubectl and docker: asserts which calls are made
 * and in which order. No cluster is needed, which is the point: none can run on this machine.
 */
class MakefileK8sTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final String CLUSTER = "zero-to-running";
  static final String CTX = "kubectl --context kind-" + CLUSTER;

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
    FakeClusterTools.install(bin, state);
  }

  @Test
  void upCreatesTheClusterLoadsImagesAppliesAndWaitsInOrder() throws Exception {
    Run run =
        make(
            "k8s-up",
            "FAKE_LOCAL_IMAGES=zero-to-running/api:dev zero-to-running/web:dev redis:7-alpine");
    assertEquals(0, run.exit, run.output);
    assertInOrder(
        FakeClusterTools.calls(state),
        "build",
        "kind get clusters",
        "kind create cluster --name " + CLUSTER + " --config k8s-generated/kind-config.yaml",
        "docker image inspect zero-to-running/api:dev",
        "kind load docker-image --name " + CLUSTER + " redis:7-alpine",
        "kind load docker-image --name " + CLUSTER + " zero-to-running/api:dev",
        "kind load docker-image --name " + CLUSTER + " zero-to-running/web:dev",
        CTX + " delete job --namespace " + CLUSTER + " -l app.kubernetes.io/part-of=" + CLUSTER,
        CTX + " apply -k k8s-generated",
        CTX + " --namespace " + CLUSTER + " rollout status deployment.apps/api --timeout 300s",
        CTX + " --namespace " + CLUSTER + " rollout status statefulset.apps/db --timeout 300s",
        CTX + " --namespace " + CLUSTER + " get pods -o wide");
    assertTrue(run.output.contains("web: http://localhost:3000"), run.output);
    String secret = Files.readString(project.resolve("k8s-generated/secrets/db.env"));
    assertEquals(
        "POSTGRES_PASSWORD=wander\n", secret, "secret values come from .env at apply time");
    assertTrue(Files.exists(project.resolve(".env")), ".env is created from .env.example first");
  }

  @Test
  void upReusesAnExistingClusterAndSkipsImagesDockerDoesNotHave() throws Exception {
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    Run run = make("k8s-up");
    assertEquals(0, run.exit, run.output);
    List<String> calls = FakeClusterTools.calls(state);
    assertTrue(
        calls.stream().noneMatch(c -> c.startsWith("kind create")), String.join("\n", calls));
    assertTrue(
        calls.stream()
            .noneMatch(c -> c.contains("load docker-image --name " + CLUSTER + " redis")));
  }

  @Test
  void aFailedRolloutShowsEventsAndLogsWithAHintAndFails() throws Exception {
    Run run = make("k8s-up", "FAKE_FAILING_ROLLOUT=deployment.apps/api");
    assertNotEquals(0, run.exit, run.output);
    assertTrue(run.output.contains("not ready: deployment.apps/api"), run.output);
    assertTrue(run.output.contains("hint:"), run.output);
    assertInOrder(
        FakeClusterTools.calls(state),
        CTX + " --namespace " + CLUSTER + " rollout status deployment.apps/api",
        CTX + " --namespace " + CLUSTER + " get pods -l app.kubernetes.io/name=api -o name",
        CTX
            + " --namespace "
            + CLUSTER
            + " get events --field-selector involvedObject.name=api-7d9f",
        CTX + " --namespace " + CLUSTER + " logs pod/api-7d9f --all-containers --prefix --tail 30");
  }

  @Test
  void upStopsBeforeTouchingTheClusterWhenManifestsAreStale() throws Exception {
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        Files.readString(compose).replace("  redis:\n", "  redis:\n    deploy: {replicas: 2}\n"));
    Run run = make("k8s-up");
    assertNotEquals(0, run.exit);
    assertTrue(run.output.contains("is stale") && run.output.contains("make k8s"), run.output);
    assertTrue(FakeClusterTools.calls(state).stream().noneMatch(c -> c.startsWith("kind create")));
  }

  @Test
  void missingKindIsOneLineWithTheFix() throws Exception {
    Files.delete(bin.resolve("kind"));
    assumeTrue(!Files.exists(Path.of("/usr/bin/kind")) && !Files.exists(Path.of("/bin/kind")));
    Run run =
        make(
            "k8s-up", "PATH=" + bin + ":" + System.getProperty("java.home") + "/bin:/usr/bin:/bin");
    assertNotEquals(0, run.exit);
    assertTrue(run.output.contains("kind is not installed. Fix: install kind"), run.output);
    assertTrue(FakeClusterTools.calls(state).isEmpty(), "nothing may start");
  }

  @Test
  void downStatusLogsAndResetDbUseTheClusterContextAndNamespace() throws Exception {
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    assertEquals(0, make("k8s-down").exit);
    assertEquals(0, make("k8s-status").exit);
    assertEquals(0, make("k8s-logs", "SVC=api").exit);
    Run reset = make("k8s-reset-db");
    assertEquals(0, reset.exit, reset.output);
    assertInOrder(
        FakeClusterTools.calls(state),
        CTX
            + " --namespace "
            + CLUSTER
            + " delete deployments,statefulsets,jobs,services,configmaps,"
            + "secrets,ingresses -l app.kubernetes.io/part-of="
            + CLUSTER,
        CTX + " --namespace " + CLUSTER + " get statefulsets,deployments,jobs,pods,services",
        "kubectl --context kind-" + CLUSTER + " --namespace " + CLUSTER + " logs --follow",
        CTX + " --namespace " + CLUSTER + " delete job reset-db --ignore-not-found",
        CTX + " apply -f -",
        CTX + " --namespace " + CLUSTER + " wait --for=condition=complete job/reset-db");
    String job = Files.readString(state.resolve("applied-task.yaml"));
    assertTrue(
        job.contains("kind: Job") && job.contains("- reset") && job.contains("wait-for-db"), job);
    assertFalse(
        FakeClusterTools.calls(state).stream()
            .anyMatch(c -> c.contains("persistentvolumeclaims -l")),
        "down keeps the data");
  }

  @Test
  void scaleWorkerRefusesABadCountThenScalesWaitsAndShowsTheSpread() throws Exception {
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    for (String bad : List.of("N=0", "N=three", "N=-1")) {
      Run refused = make("k8s-scale-worker", bad);
      assertNotEquals(0, refused.exit, refused.output);
      assertTrue(
          refused.output.contains(
              "N must be a positive integer (got '"
                  + bad.substring(2)
                  + "'). Fix: make scale-worker N=3 K8S=1"),
          refused.output);
    }
    assertTrue(FakeClusterTools.calls(state).isEmpty(), "a refused count touches nothing");
    Run run = make("k8s-scale-worker", "N=3");
    assertEquals(0, run.exit, run.output);
    assertInOrder(
        FakeClusterTools.calls(state),
        CTX + " --namespace " + CLUSTER + " scale deployment/worker --replicas 3",
        CTX + " --namespace " + CLUSTER + " rollout status deployment/worker --timeout 300s",
        CTX + " --namespace " + CLUSTER + " get pods -l app.kubernetes.io/name=worker",
        CTX + " --namespace " + CLUSTER + " exec statefulset/db -- sh -c");
    assertTrue(
        run.output
            .lines()
            .anyMatch(l -> l.matches("worker-7d9f +worker-7d9f +ready +4 +3 +1 +18 .*")),
        run.output);
    assertTrue(run.output.contains("/api/deployments"), "a hint how to create rollouts");
  }

  @Test
  void anotherComposeFileInterpolatesFromTheEnvBesideItLikeCompose() throws Exception {
    Path other = project.resolve("elsewhere/stack");
    Files.createDirectories(other);
    Files.writeString(
        other.resolve("compose.yaml"),
        "services:\n  app:\n    image: nginx:${TAG}\n    ports: [\"${APP_PORT}:80\"]\n"
            + "    read_only: ${LOCKED}\n    environment: {GREETING: \"${GREETING:-unset}\"}\n");
    Files.writeString(other.resolve(".env"), "TAG=1.27\nAPP_PORT=8088\nLOCKED=true\n");
    Files.writeString(other.resolve(".env.example"), "GREETING=from-example\n");
    Run run = make("k8s", "COMPOSE_FILE=elsewhere/stack/compose.yaml", "K8S_DIR=out");
    assertEquals(0, run.exit, run.output);
    String deployment = Files.readString(project.resolve("out/deployment-app.yaml"));
    assertTrue(deployment.contains("image: nginx:1.27"), deployment);
    assertTrue(deployment.contains("readOnlyRootFilesystem: true"), deployment);
    assertTrue(Files.readString(project.resolve("out/kind-config.yaml")).contains("8088"));
    assertTrue(
        Files.readString(project.resolve("out/configmap-app-env.yaml")).contains("GREETING: unset"),
        "Compose reads .env only, never .env.example");
    Map<String, String> first =
        dev.zerotorunning.k8s.emit.OutputTree.onDisk(project.resolve("out"));
    assertEquals(0, make("k8s", "COMPOSE_FILE=elsewhere/stack/compose.yaml", "K8S_DIR=out").exit);
    assertEquals(
        first,
        dev.zerotorunning.k8s.emit.OutputTree.onDisk(project.resolve("out")),
        "byte-stable across runs");
    Run check = make("k8s-check", "COMPOSE_FILE=elsewhere/stack/compose.yaml", "K8S_DIR=out");
    assertEquals(0, check.exit, check.output);
  }

  @Test
  void severalComposeFilesMergeAndProfilesTurnServicesOn() throws Exception {
    Path other = project.resolve("stack");
    Files.createDirectories(other);
    Files.writeString(
        other.resolve("compose.yaml"),
        "services:\n  app: {image: 'nginx:1.27', environment: {MODE: base}}\n"
            + "  debug: {image: 'busybox:1.36', profiles: [debug], command: [sleep, '1000']}\n");
    Files.writeString(
        other.resolve("compose.override.yaml"),
        "services:\n  app: {environment: {MODE: override}}\n");
    Run run =
        make(
            "k8s",
            "COMPOSE_FILE=stack/compose.yaml:stack/compose.override.yaml",
            "COMPOSE_PROFILES=debug",
            "K8S_DIR=out");
    assertEquals(0, run.exit, run.output);
    assertTrue(
        Files.readString(project.resolve("out/configmap-app-env.yaml")).contains("MODE: override"));
    assertTrue(Files.exists(project.resolve("out/deployment-debug.yaml")), run.output);
  }

  @Test
  void theMainMakefileMapsK8sEqualsOneToTheseTargets() throws Exception {
    assumeTrue(Files.isRegularFile(REPO.resolve("Makefile")), "no main Makefile yet");
    copy(REPO.resolve("Makefile"), project.resolve("Makefile"));
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    Run run = run(List.of("make", "--no-print-directory", "dev", "K8S=1"), List.of());
    assertEquals(0, run.exit, run.output);
    assertInOrder(
        FakeClusterTools.calls(state),
        "build",
        "kind get clusters",
        CTX + " apply -k k8s-generated");
    Run scale =
        run(List.of("make", "--no-print-directory", "scale-worker", "N=2", "K8S=1"), List.of());
    assertEquals(0, scale.exit, scale.output);
    assertInOrder(
        FakeClusterTools.calls(state),
        CTX + " --namespace " + CLUSTER + " scale deployment/worker --replicas 2");
  }

  private Run make(String target, String... vars) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of("make", "--no-print-directory", "-f", "mk/k8s.mk", target));
    return run(cmd, List.of(vars));
  }

  private Run run(List<String> cmd, List<String> vars) throws Exception {
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
    pb.environment().put("FAKE_LOCAL_IMAGES", "zero-to-running/api:dev zero-to-running/web:dev");
    pb.environment().remove("COMPOSE_FILE");
    pb.environment().remove("COMPOSE_PROFILES");
    // under `make test` the outer make exports its K8S_* settings (K8S_ENV_FILE=.env.example)
    pb.environment().keySet().removeIf(k -> k.startsWith("K8S_"));
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

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }
}
