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
import org.junit.jupiter.api.AfterEach;
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

  @Test
  void aFreshMachineBuildsWhatTheManifestsNameThenTagsLoadsAppliesAndWaitsInOrder()
      throws Exception {
    Files.writeString(state.resolve("images"), "redis:7-alpine sha256:" + "d".repeat(64) + "\n");
    Run run = make("k8s-up");
    assertEquals(0, run.exit, run.output);
    String api = "zero-to-running/api:dev-" + imageId("zero-to-running/api:dev").substring(7, 19);
    String web = "zero-to-running/web:dev-bbbbbbbbbbbb";
    assertInOrder(
        FakeClusterTools.calls(state),
        "build",
        "build COMPOSE_FILE=compose.yaml",
        "kind create cluster --name " + CLUSTER + " --config k8s-generated/kind-config.yaml",
        "kind load docker-image --name " + CLUSTER + " redis:7-alpine",
        "docker tag zero-to-running/api:dev " + api,
        "kind load docker-image --name " + CLUSTER + " " + api,
        "docker tag zero-to-running/web:dev " + web,
        "kind load docker-image --name " + CLUSTER + " " + web,
        CTX + " apply -k .k8s-local",
        CTX + " --namespace " + CLUSTER + " rollout status deployment.apps/api --timeout 300s",
        CTX + " --namespace " + CLUSTER + " rollout status statefulset.apps/db --timeout 300s",
        CTX + " --namespace " + CLUSTER + " port-forward --address 127.0.0.1 service/api 8080:8080",
        CTX + " --namespace " + CLUSTER + " get statefulsets,deployments,jobs,pods");
    Map<String, String> pods = pods();
    assertTrue(
        pods.get("web").startsWith("1 " + web + "=sha256:" + "b".repeat(64)), "nginx, not web-dev");
    assertTrue(
        pods.get("api").contains(api + "=" + imageId("zero-to-running/api:dev")), pods.get("api"));
    assertFalse(pods.values().stream().anyMatch(p -> p.contains("missing")), pods.toString());
    assertTrue(
        Files.readString(project.resolve("k8s-generated/deployment-api.yaml"))
            .contains("image: zero-to-running/api:dev\n"),
        "the committed base keeps the plain tag");
    assertTrue(run.output.contains("web: http://localhost:3000"), run.output);
    assertTrue(run.output.contains("api: http://localhost:8080/api (admin :8081)"), run.output);
    String secret = Files.readString(project.resolve("k8s-generated/secrets/db.env"));
    assertEquals(
        "POSTGRES_PASSWORD=wander\n", secret, "secret values come from .env at apply time");
    assertTrue(Files.exists(project.resolve(".env")), ".env is created from .env.example first");
  }

  @Test
  void anEditReachesThePodsAndARunWithoutChangeRestartsNothing() throws Exception {
    assertEquals(0, make("k8s-up").exit);
    Map<String, String> first = pods();
    List<String> firstRuns = jobRuns();
    assertEquals(1, firstRuns.size(), "the migrate Job ran once: " + firstRuns);
    assertTrue(firstRuns.get(0).startsWith("migrate "), firstRuns.toString());
    int calls = FakeClusterTools.calls(state).size();

    Run unchanged = make("k8s-up");
    assertEquals(0, unchanged.exit, unchanged.output);
    assertEquals(first, pods(), "nothing changed, so no pod restarts");
    assertEquals(firstRuns, jobRuns(), "nor does the migrate Job run again");
    assertTrue(
        FakeClusterTools.calls(state).stream().noneMatch(c -> c.contains(" delete job migrate")));

    Files.writeString(project.resolve("api/src/Main.java"), "class Main { int edited; }\n");
    Run edited = make("k8s-up");
    assertEquals(0, edited.exit, edited.output);
    Map<String, String> after = pods();
    String newApi =
        "zero-to-running/api:dev-" + imageId("zero-to-running/api:dev").substring(7, 19);
    for (String workload : List.of("api", "worker")) {
      assertTrue(after.get(workload).startsWith("2 "), workload + " rolled: " + after);
      assertTrue(
          after.get(workload).contains(newApi + "=" + imageId("zero-to-running/api:dev")),
          "the new pods run the edited code: " + after.get(workload));
    }
    for (String workload : List.of("web", "db", "redis")) {
      assertEquals(first.get(workload), after.get(workload), workload + " untouched");
    }
    List<String> all = FakeClusterTools.calls(state);
    assertTrue(
        all.subList(calls, all.size()).stream()
            .anyMatch(c -> c.equals("kind load docker-image --name " + CLUSTER + " " + newApi)),
        String.join("\n", all));
    List<String> runs = jobRuns();
    assertEquals(2, runs.size(), "new code: the migrate Job runs again: " + runs);
    assertNotEquals(firstRuns.get(0), runs.get(1), "under a new release");
    assertInOrder(
        all.subList(calls, all.size()),
        CTX + " --namespace " + CLUSTER + " delete job migrate --wait",
        CTX + " apply -k .k8s-local",
        CTX + " --namespace " + CLUSTER + " wait --for=condition=complete job/migrate");
  }

  @Test
  void migrateIsAJobTheApiAndWorkerPodsWaitForThroughTheApi() throws Exception {
    Run run = make("k8s-up");
    assertEquals(0, run.exit, run.output);
    for (String workload : List.of("api", "worker")) {
      String deployment =
          Files.readString(state.resolve("objects/Deployment-" + workload + ".json"));
      assertTrue(deployment.contains("\"serviceAccountName\":\"wait-for-migrate\""), deployment);
      assertTrue(deployment.contains("\"name\":\"wait-for-migrate\""), deployment);
      assertFalse(deployment.contains("\"setup\""), "no migration in the " + workload + " pods");
    }
    String role = Files.readString(state.resolve("objects/Role-wait-for-migrate.json"));
    assertTrue(role.contains("\"resourceNames\":[\"migrate\"]"), role);
    assertTrue(role.contains("\"verbs\":[\"get\"]"), role);
    assertTrue(Files.exists(state.resolve("objects/RoleBinding-wait-for-migrate.json")));
    assertTrue(Files.exists(state.resolve("objects/ServiceAccount-wait-for-migrate.json")));
    assertInOrder(
        FakeClusterTools.calls(state),
        CTX + " apply -k .k8s-local",
        CTX + " --namespace " + CLUSTER + " wait --for=condition=complete job/migrate",
        CTX + " --namespace " + CLUSTER + " rollout status deployment.apps/api");

    Run reset = make("k8s-reset-db");
    assertEquals(0, reset.exit, reset.output);
    String task = Files.readString(state.resolve("applied-task.yaml"));
    String api = "zero-to-running/api:dev-" + imageId("zero-to-running/api:dev").substring(7, 19);
    assertTrue(task.contains("image: " + api), "reset-db runs the image the pods run:\n" + task);
    assertEquals(1, jobRuns().size(), "reset-db is its own Job; migrate did not run again");
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
    assertFalse(run.output.contains("port-forward:"), "no port-forward for a failed stack");
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
  void aHeldHostPortStopsUpBeforeAnythingStartsAndNamesTheHolder() throws Exception {
    Run run = make("k8s-up", "FAKE_PORTS_HELD=3000");
    assertNotEquals(0, run.exit);
    assertTrue(
        run.output.contains(
            "port 3000 (127.0.0.1, published by the kind cluster) is already in use by container"
                + " zero-to-running-web-1; nothing was started. Fix: make down"),
        run.output);
    assertEquals(1, errorLines(run), run.output);
    assertTrue(
        FakeClusterTools.calls(state).stream()
            .noneMatch(c -> c.startsWith("build") || c.startsWith("kind create")),
        String.join("\n", FakeClusterTools.calls(state)));

    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    Run forwarded = make("k8s-up", "FAKE_PORTS_HELD=5432");
    assertNotEquals(0, forwarded.exit);
    assertTrue(
        forwarded.output.contains(
            "port 5432 (db, forwarded like Compose publishes it) is already in use by container"
                + " zero-to-running-web-1; nothing was started. Fix: make down"),
        forwarded.output);
    assertTrue(FakeClusterTools.calls(state).stream().noneMatch(c -> c.startsWith("build")));
  }

  @Test
  void psqlRedisCliShellAndRestartReachTheRightPod() throws Exception {
    assertEquals(0, make("k8s-up").exit);
    int before = FakeClusterTools.calls(state).size();
    assertEquals(0, make("k8s-psql").exit);
    assertEquals(0, make("k8s-redis-cli").exit);
    assertEquals(0, make("k8s-shell", "SVC=api").exit);
    Run restartOne = make("k8s-restart", "SVC=worker");
    assertEquals(0, restartOne.exit, restartOne.output);
    Run restartAll = make("k8s-restart");
    assertEquals(0, restartAll.exit, restartAll.output);
    String ns = CTX + " --namespace " + CLUSTER;
    List<String> calls = FakeClusterTools.calls(state);
    assertInOrder(
        calls.subList(before, calls.size()),
        ns + " exec -i statefulset/db -- sh -c exec psql -U \"$POSTGRES_USER\" \"$POSTGRES_DB\"",
        ns + " exec -i deployment/redis -- redis-cli",
        ns + " exec -i deployment/api -- sh -c command -v bash",
        ns + " rollout restart deployment/worker",
        ns + " rollout status deployment/worker --timeout 300s",
        ns + " port-forward --address 127.0.0.1 service/api 8080:8080 8081:8081",
        ns + " get statefulsets,deployments,jobs,pods -l",
        ns
            + " rollout restart deployment.apps/api deployment.apps/redis deployment.apps/web"
            + " deployment.apps/worker statefulset.apps/db",
        ns + " rollout status statefulset.apps/db");
  }

  @Test
  void badInputIsOneLineWithTheFixAndTouchesNothing() throws Exception {
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    Map<String, List<String>> cases =
        Map.of(
            "K8S_CLUSTER=bogus",
            List.of("k8s-status", "K8S_CLUSTER=bogus is not a cluster choice (kind or current)"),
            "no context",
            List.of("k8s-up", "K8S_CLUSTER=current but kubectl has no current context. Fix:"),
            "unreachable",
            List.of("k8s-status", "the kubectl context kind-" + CLUSTER + " is unreachable"),
            "no workload",
            List.of(
                "k8s-shell",
                "SVC=nope names no workload in k8s-generated/ (there are: api db redis web"
                    + " worker). Fix: make shell SVC=<one of them> K8S=1"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      List<String> vars =
          switch (c.getKey()) {
            case "K8S_CLUSTER=bogus" -> List.of("K8S_CLUSTER=bogus");
            case "no context" -> List.of("K8S_CLUSTER=current");
            case "unreachable" -> List.of("FAKE_UNREACHABLE=1");
            default -> List.of("SVC=nope");
          };
      Files.deleteIfExists(state.resolve("calls.log"));
      Run run = make(c.getValue().get(0), vars.toArray(String[]::new));
      assertNotEquals(0, run.exit, c.getKey() + ": " + run.output);
      assertTrue(run.output.contains(c.getValue().get(1)), c.getKey() + ": " + run.output);
      assertTrue(run.output.contains("Fix:"), c.getKey() + ": " + run.output);
      assertEquals(1, errorLines(run), c.getKey() + ": " + run.output);
      assertTrue(
          FakeClusterTools.calls(state).stream()
              .noneMatch(
                  l -> l.contains(" apply ") || l.contains(" exec ") || l.startsWith("build")),
          c.getKey() + ": " + FakeClusterTools.calls(state));
    }
  }

  @Test
  void statusPrintsTheComposeTableWithUrls() throws Exception {
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    Run run =
        make(
            "k8s-status",
            "FAKE_STATUS_JSON="
                + Path.of("src/test/resources/status/kubectl-get.json").toAbsolutePath());
    assertEquals(0, run.exit, run.output);
    assertTrue(
        run.output
            .lines()
            .anyMatch(l -> l.matches("SERVICE +STATE +READY +RESTARTS +READY AFTER +URL / PORT")),
        run.output);
    assertTrue(
        run.output
            .lines()
            .anyMatch(
                l ->
                    l.matches(
                        "api +running +1/1 +1 +27\\.2s +http://localhost:8080/api \\(admin"
                            + " :8081\\)")),
        run.output);
    assertTrue(
        run.output
            .lines()
            .anyMatch(
                l ->
                    l.matches(
                        "db +running +1/1 +0 +2\\.5s +postgresql://wander@localhost:5432/wander")),
        run.output);
    assertTrue(
        run.output.lines().anyMatch(l -> l.matches("web +scaled to 0 .*http://localhost:3000")),
        run.output);
  }

  @Test
  void devStartsThePortForwardsAndDownStopsThem() throws Exception {
    assertEquals(0, make("k8s-up").exit);
    Path pids = project.resolve(".k8s-local/port-forward.pids");
    List<ProcessHandle> forwards =
        Files.readAllLines(pids).stream()
            .map(p -> ProcessHandle.of(Long.parseLong(p)).orElseThrow())
            .toList();
    assertEquals(3, forwards.size(), "api (8080, 8081), db, redis");
    assertTrue(forwards.stream().allMatch(ProcessHandle::isAlive));
    Run down = make("k8s-down");
    assertEquals(0, down.exit, down.output);
    for (ProcessHandle p : forwards) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
    assertFalse(Files.exists(pids));
    assertInOrder(
        FakeClusterTools.calls(state),
        CTX + " --namespace " + CLUSTER + " port-forward --address 127.0.0.1 service/db 5432:5432",
        CTX
            + " --namespace "
            + CLUSTER
            + " port-forward --address 127.0.0.1 service/redis 6379:6379",
        CTX + " --namespace " + CLUSTER + " delete deployments,statefulsets,jobs");
  }

  @Test
  void theCurrentContextIsTheSameCodePathWithoutKindAndWithTheGivenLoadCommand() throws Exception {
    Files.writeString(
        bin.resolve("minikube"),
        "#!/usr/bin/env bash\necho \"minikube $*\" >> \"" + state.resolve("calls.log") + "\"\n");
    bin.resolve("minikube").toFile().setExecutable(true);
    Run run =
        make(
            "k8s-up",
            "K8S_CLUSTER=current",
            "FAKE_CURRENT_CONTEXT=minikube",
            "K8S_LOAD_CMD=minikube image load");
    assertEquals(0, run.exit, run.output);
    List<String> calls = FakeClusterTools.calls(state);
    assertTrue(calls.stream().noneMatch(c -> c.startsWith("kind ")), String.join("\n", calls));
    String api = "zero-to-running/api:dev-" + imageId("zero-to-running/api:dev").substring(7, 19);
    assertInOrder(
        calls,
        "kubectl config current-context",
        "kubectl --context minikube get --raw /readyz",
        "build COMPOSE_FILE=compose.yaml",
        "minikube image load " + api,
        "kubectl --context minikube apply -k .k8s-local",
        "kubectl --context minikube --namespace "
            + CLUSTER
            + " port-forward --address 127.0.0.1 service/web 3000:80");

    Files.deleteIfExists(state.resolve("calls.log"));
    Run desktop = make("k8s-up", "K8S_CLUSTER=current", "FAKE_CURRENT_CONTEXT=docker-desktop");
    assertEquals(0, desktop.exit, desktop.output);
    assertTrue(
        FakeClusterTools.calls(state).stream()
            .noneMatch(c -> c.startsWith("kind ") || c.startsWith("minikube")),
        "Docker Desktop's cluster sees the local images: nothing to load");
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
            + "secrets,ingresses,serviceaccounts,roles,rolebindings -l app.kubernetes.io/part-of="
            + CLUSTER,
        CTX + " --namespace " + CLUSTER + " get statefulsets,deployments,jobs,pods -l",
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
  void theMainMakefileMapsK8sEqualsOneToTheseTargets() throws Exception {
    assumeTrue(Files.isRegularFile(REPO.resolve("Makefile")), "no main Makefile yet");
    copy(REPO.resolve("Makefile"), project.resolve("Makefile"));
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    Run run = run(List.of("make", "--no-print-directory", "dev", "K8S=1"), List.of());
    assertEquals(0, run.exit, run.output);
    assertInOrder(
        FakeClusterTools.calls(state), "kind get clusters", "build", CTX + " apply -k .k8s-local");
    Run scale =
        run(List.of("make", "--no-print-directory", "scale-worker", "N=2", "K8S=1"), List.of());
    assertEquals(0, scale.exit, scale.output);
    for (String target : List.of("psql", "redis-cli", "port-forward")) {
      Run r = run(List.of("make", "--no-print-directory", target, "K8S=1"), List.of());
      assertEquals(0, r.exit, target + ": " + r.output);
    }
    Run shell =
        run(List.of("make", "--no-print-directory", "shell", "SVC=worker", "K8S=1"), List.of());
    assertEquals(0, shell.exit, shell.output);
    Run restart =
        run(List.of("make", "--no-print-directory", "restart", "SVC=api", "K8S=1"), List.of());
    assertEquals(0, restart.exit, restart.output);
    String ns = CTX + " --namespace " + CLUSTER;
    assertInOrder(
        FakeClusterTools.calls(state),
        ns + " scale deployment/worker --replicas 2",
        ns + " exec -i statefulset/db -- sh -c exec psql",
        ns + " exec -i deployment/redis -- redis-cli",
        ns + " port-forward --address 127.0.0.1 service/api",
        ns + " exec -i deployment/worker -- sh -c",
        ns + " rollout restart deployment/api");
  }

  /** Lines of the output that report a failure (fail/die print "✗"). */
  private static long errorLines(Run run) {
    return run.output.lines().filter(l -> l.contains("✗")).count();
  }

  /** The fake API server's pods: workload -> "generation image=node-image-id ...". */
  private Map<String, String> pods() throws IOException {
    return FakeKubeApi.keyValues(state.resolve("pods"));
  }

  /** Each Job the fake API server created: "name release". */
  private List<String> jobRuns() throws IOException {
    Path log = state.resolve("job-runs.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** The ID Docker's (fake) store holds for an image. */
  private String imageId(String image) throws IOException {
    return FakeKubeApi.keyValues(state.resolve("images")).get(image);
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
    pb.environment().remove("COMPOSE_FILE");
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
