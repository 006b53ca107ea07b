package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * make dev K8S=1 and the other stack targets on kind against the fakes of {@link FakeClusterTools}:
 * which calls are made and in which order, what reaches the pods (an edit does, a run without
 * change restarts nothing), the migrate Job, preflight failures.
 */
class MakefileK8sTest extends K8sMakefileHarness {
  @Test
  void aFreshMachineBuildsWhatTheManifestsNameThenTagsLoadsAppliesAndWaitsInOrder()
      throws Exception {
    Files.writeString(state.resolve("images"), "redis:7-alpine sha256:" + "d".repeat(64) + "\n");
    Run run = make("k8s-up");
    assertEquals(0, run.exit(), run.output());
    String api = contentTag("zero-to-running/api:dev");
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
        NS + " rollout status deployment.apps/api --timeout 300s",
        NS + " rollout status statefulset.apps/db --timeout 300s",
        NS + " port-forward --address 127.0.0.1 service/api 8080:8080",
        NS + " get statefulsets,deployments,jobs,pods");
    Map<String, String> pods = pods();
    assertTrue(
        pods.get("web").startsWith("1 " + web + "=sha256:" + "b".repeat(64)), "nginx, not web-dev");
    assertTrue(
        pods.get("api").contains(api + "=" + imageId("zero-to-running/api:dev")), pods.get("api"));
    assertFalse(pods.values().stream().anyMatch(p -> p.contains("missing")), pods.toString());
    assertTrue(
        Files.readString(project.resolve("k8s-generated/base/deployment-api.yaml"))
            .contains("image: zero-to-running/api:dev\n"),
        "the committed base keeps the plain tag");
    assertTrue(run.output().contains("web: http://localhost:3000"), run.output());
    assertTrue(run.output().contains("api: http://localhost:8080/api (admin :8081)"), run.output());
    String secret = Files.readString(project.resolve("k8s-generated/base/secrets/db.env"));
    assertEquals(
        "POSTGRES_PASSWORD=wander\n", secret, "secret values come from .env at apply time");
    assertTrue(Files.exists(project.resolve(".env")), ".env is created from .env.example first");
  }

  @Test
  void anEditReachesThePodsAndARunWithoutChangeRestartsNothing() throws Exception {
    assertEquals(0, make("k8s-up").exit());
    Map<String, String> first = pods();
    List<String> firstRuns = jobRuns();
    assertEquals(1, firstRuns.size(), "the migrate Job ran once: " + firstRuns);
    assertTrue(firstRuns.get(0).startsWith("migrate "), firstRuns.toString());
    int calls = FakeClusterTools.calls(state).size();

    Run unchanged = make("k8s-up");
    assertEquals(0, unchanged.exit(), unchanged.output());
    assertEquals(first, pods(), "nothing changed, so no pod restarts");
    assertEquals(firstRuns, jobRuns(), "nor does the migrate Job run again");
    assertTrue(
        FakeClusterTools.calls(state).stream().noneMatch(c -> c.contains(" delete job migrate")));

    Files.writeString(project.resolve("api/src/Main.java"), "class Main { int edited; }\n");
    Run edited = make("k8s-up");
    assertEquals(0, edited.exit(), edited.output());
    Map<String, String> after = pods();
    String newApi = contentTag("zero-to-running/api:dev");
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
        NS + " delete job migrate --wait",
        CTX + " apply -k .k8s-local",
        NS + " wait --for=condition=complete job/migrate");
  }

  @Test
  void migrateIsAJobTheApiAndWorkerPodsWaitForThroughTheApi() throws Exception {
    Run run = make("k8s-up");
    assertEquals(0, run.exit(), run.output());
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
        NS + " wait --for=condition=complete job/migrate",
        NS + " rollout status deployment.apps/api");

    Run reset = make("k8s-reset-db");
    assertEquals(0, reset.exit(), reset.output());
    String task = Files.readString(state.resolve("applied-task.yaml"));
    String api = contentTag("zero-to-running/api:dev");
    assertTrue(task.contains("image: " + api), "reset-db runs the image the pods run:\n" + task);
    assertEquals(1, jobRuns().size(), "reset-db is its own Job; migrate did not run again");
  }

  @Test
  void upReusesAnExistingClusterAndSkipsImagesDockerDoesNotHave() throws Exception {
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    Run run = make("k8s-up");
    assertEquals(0, run.exit(), run.output());
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
    assertFalse(run.output().contains("port-forward:"), "no port-forward for a failed stack");
    assertNotEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("not ready: deployment.apps/api"), run.output());
    assertTrue(run.output().contains("hint:"), run.output());
    assertInOrder(
        FakeClusterTools.calls(state),
        NS + " rollout status deployment.apps/api",
        NS + " get pods -l app.kubernetes.io/name=api -o name",
        NS + " get events --field-selector involvedObject.name=api-7d9f",
        NS + " logs pod/api-7d9f --all-containers --prefix --tail 30");
  }

  @Test
  void upStopsBeforeTouchingTheClusterWhenManifestsAreStale() throws Exception {
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        Files.readString(compose).replace("  redis:\n", "  redis:\n    deploy: {replicas: 2}\n"));
    Run run = make("k8s-up");
    assertNotEquals(0, run.exit());
    assertTrue(
        run.output().contains("is stale") && run.output().contains("make k8s"), run.output());
    assertTrue(FakeClusterTools.calls(state).stream().noneMatch(c -> c.startsWith("kind create")));
  }

  @Test
  void missingKindIsOneLineWithTheFix() throws Exception {
    Files.delete(bin.resolve("kind"));
    assumeTrue(!Files.exists(Path.of("/usr/bin/kind")) && !Files.exists(Path.of("/bin/kind")));
    Run run =
        make(
            "k8s-up", "PATH=" + bin + ":" + System.getProperty("java.home") + "/bin:/usr/bin:/bin");
    assertNotEquals(0, run.exit());
    assertTrue(run.output().contains("kind is not installed. Fix: install kind"), run.output());
    assertTrue(FakeClusterTools.calls(state).isEmpty(), "nothing may start");
  }

  @Test
  void aHeldHostPortStopsUpBeforeAnythingStartsAndNamesTheHolder() throws Exception {
    assertRefused(
        make("k8s-up", "FAKE_PORTS_HELD=3000"),
        "port 3000 (127.0.0.1, published by the kind cluster) is already in use by container"
            + " zero-to-running-web-1; nothing was started. Fix: make down");
    assertTrue(
        FakeClusterTools.calls(state).stream()
            .noneMatch(c -> c.startsWith("build") || c.startsWith("kind create")),
        String.join("\n", FakeClusterTools.calls(state)));

    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    assertRefused(
        make("k8s-up", "FAKE_PORTS_HELD=5432"),
        "port 5432 (db, forwarded like Compose publishes it) is already in use by container"
            + " zero-to-running-web-1; nothing was started. Fix: make down");
    assertTrue(FakeClusterTools.calls(state).stream().noneMatch(c -> c.startsWith("build")));
  }

  @Test
  void downStatusLogsAndResetDbUseTheClusterContextAndNamespace() throws Exception {
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    assertEquals(0, make("k8s-down").exit());
    assertEquals(0, make("k8s-status").exit());
    assertEquals(0, make("k8s-logs", "SVC=api").exit());
    Run reset = make("k8s-reset-db");
    assertEquals(0, reset.exit(), reset.output());
    assertInOrder(
        FakeClusterTools.calls(state),
        NS
            + " delete deployments,statefulsets,jobs,services,configmaps,"
            + "secrets,ingresses,serviceaccounts,roles,rolebindings -l app.kubernetes.io/part-of="
            + CLUSTER,
        NS + " get statefulsets,deployments,jobs,pods -l",
        NS + " logs --follow",
        NS + " delete job reset-db --ignore-not-found",
        CTX + " apply -f -",
        NS + " wait --for=condition=complete job/reset-db");
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
      assertNotEquals(0, refused.exit(), refused.output());
      assertTrue(
          refused
              .output()
              .contains(
                  "N must be a positive integer (got '"
                      + bad.substring(2)
                      + "'). Fix: make scale-worker N=3 K8S=1"),
          refused.output());
    }
    assertTrue(FakeClusterTools.calls(state).isEmpty(), "a refused count touches nothing");
    Run run = make("k8s-scale-worker", "N=3");
    assertEquals(0, run.exit(), run.output());
    assertInOrder(
        FakeClusterTools.calls(state),
        NS + " scale deployment/worker --replicas 3",
        NS + " rollout status deployment/worker --timeout 300s",
        NS + " get pods -l app.kubernetes.io/name=worker",
        NS + " exec statefulset/db -- sh -c");
    assertTrue(
        run.output()
            .lines()
            .anyMatch(l -> l.matches("worker-7d9f +worker-7d9f +ready +4 +3 +1 +18 .*")),
        run.output());
    assertTrue(run.output().contains("/api/deployments"), "a hint how to create rollouts");
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
    Run run = make("k8s", "K8S_COMPOSE_FILES=elsewhere/stack/compose.yaml", "K8S_DIR=out");
    assertEquals(0, run.exit(), run.output());
    String deployment = Files.readString(project.resolve("out/base/deployment-app.yaml"));
    assertTrue(deployment.contains("image: nginx:1.27"), deployment);
    assertTrue(deployment.contains("readOnlyRootFilesystem: true"), deployment);
    assertTrue(Files.readString(project.resolve("out/kind-config.yaml")).contains("8088"));
    assertTrue(
        Files.readString(project.resolve("out/base/configmap-app-env.yaml"))
            .contains("GREETING: unset"),
        "Compose reads .env only, never .env.example");
    Map<String, String> first =
        dev.zerotorunning.k8s.emit.OutputTree.onDisk(project.resolve("out"));
    assertEquals(
        0, make("k8s", "K8S_COMPOSE_FILES=elsewhere/stack/compose.yaml", "K8S_DIR=out").exit());
    assertEquals(
        first,
        dev.zerotorunning.k8s.emit.OutputTree.onDisk(project.resolve("out")),
        "byte-stable across runs");
    Run check = make("k8s-check", "K8S_COMPOSE_FILES=elsewhere/stack/compose.yaml", "K8S_DIR=out");
    assertEquals(0, check.exit(), check.output());
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
            "K8S_COMPOSE_FILES=stack/compose.yaml:stack/compose.override.yaml",
            "COMPOSE_PROFILES=debug",
            "K8S_DIR=out");
    assertEquals(0, run.exit(), run.output());
    assertTrue(
        Files.readString(project.resolve("out/base/configmap-app-env.yaml"))
            .contains("MODE: override"));
    assertTrue(Files.exists(project.resolve("out/base/deployment-debug.yaml")), run.output());
  }

  @Test
  void theMainMakefileMapsK8sEqualsOneToTheseTargets() throws Exception {
    assumeTrue(Files.isRegularFile(REPO.resolve("Makefile")), "no main Makefile yet");
    copy(REPO.resolve("Makefile"), project.resolve("Makefile"));
    Files.writeString(state.resolve("clusters"), CLUSTER + "\n");
    Run run = run(List.of("make", "--no-print-directory", "dev", "K8S=1"), List.of());
    assertEquals(0, run.exit(), run.output());
    assertInOrder(
        FakeClusterTools.calls(state), "kind get clusters", "build", CTX + " apply -k .k8s-local");
    Run scale =
        run(List.of("make", "--no-print-directory", "scale-worker", "N=2", "K8S=1"), List.of());
    assertEquals(0, scale.exit(), scale.output());
    for (String target : List.of("psql", "redis-cli", "port-forward")) {
      Run r = run(List.of("make", "--no-print-directory", target, "K8S=1"), List.of());
      assertEquals(0, r.exit(), target + ": " + r.output());
    }
    Run shell =
        run(List.of("make", "--no-print-directory", "shell", "SVC=worker", "K8S=1"), List.of());
    assertEquals(0, shell.exit(), shell.output());
    Run restart =
        run(List.of("make", "--no-print-directory", "restart", "SVC=api", "K8S=1"), List.of());
    assertEquals(0, restart.exit(), restart.output());
    assertInOrder(
        FakeClusterTools.calls(state),
        NS + " scale deployment/worker --replicas 2",
        NS + " exec -i statefulset/db -- sh -c exec psql",
        NS + " exec -i deployment/redis -- redis-cli",
        NS + " port-forward --address 127.0.0.1 service/api",
        NS + " exec -i deployment/worker -- sh -c",
        NS + " rollout restart deployment/api");
  }
}
