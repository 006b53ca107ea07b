package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The daily tools with K8S=1 (psql, redis-cli, shell, restart, status, port-forward), the current
 * kubectl context instead of kind, and bad input, against the fakes of {@link FakeClusterTools}.
 */
class MakefileK8sDailyToolsTest extends K8sMakefileHarness {
  @Test
  void psqlRedisCliShellAndRestartReachTheRightPod() throws Exception {
    assertEquals(0, make("k8s-up").exit());
    int before = FakeClusterTools.calls(state).size();
    assertEquals(0, make("k8s-psql").exit());
    assertEquals(0, make("k8s-redis-cli").exit());
    assertEquals(0, make("k8s-shell", "SVC=api").exit());
    Run restartOne = make("k8s-restart", "SVC=worker");
    assertEquals(0, restartOne.exit(), restartOne.output());
    Run restartAll = make("k8s-restart");
    assertEquals(0, restartAll.exit(), restartAll.output());
    List<String> calls = FakeClusterTools.calls(state);
    assertInOrder(
        calls.subList(before, calls.size()),
        NS + " exec -i statefulset/db -- sh -c exec psql -U \"$POSTGRES_USER\" \"$POSTGRES_DB\"",
        NS + " exec -i deployment/redis -- redis-cli",
        NS + " exec -i deployment/api -- sh -c command -v bash",
        NS + " rollout restart deployment/worker",
        NS + " rollout status deployment/worker --timeout 300s",
        NS + " port-forward --address 127.0.0.1 service/api 8080:8080 8081:8081",
        NS + " get statefulsets,deployments,jobs,pods -l",
        NS
            + " rollout restart deployment.apps/api deployment.apps/redis deployment.apps/web"
            + " deployment.apps/worker statefulset.apps/db",
        NS + " rollout status statefulset.apps/db");
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
                "SVC=nope names no workload in k8s-generated/base/ (there are: api db redis web"
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
      assertRefused(run, c.getValue().get(1));
      assertTrue(run.output().contains("Fix:"), c.getKey() + ": " + run.output());
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
    assertEquals(0, run.exit(), run.output());
    assertLine(run, "SERVICE +STATE +READY +RESTARTS +READY AFTER +URL / PORT");
    assertLine(run, "api +running +1/1 +1 +27\\.2s +http://localhost:8080/api \\(admin :8081\\)");
    assertLine(run, "db +running +1/1 +0 +2\\.5s +postgresql://wander@localhost:5432/wander");
    assertLine(run, "web +scaled to 0 .*http://localhost:3000");
  }

  @Test
  void devStartsThePortForwardsAndDownStopsThem() throws Exception {
    assertEquals(0, make("k8s-up").exit());
    Path pids = project.resolve(".k8s-local/port-forward.pids");
    List<ProcessHandle> forwards =
        Files.readAllLines(pids).stream()
            .map(p -> ProcessHandle.of(Long.parseLong(p)).orElseThrow())
            .toList();
    assertEquals(3, forwards.size(), "api (8080, 8081), db, redis");
    assertTrue(forwards.stream().allMatch(ProcessHandle::isAlive));
    Run down = make("k8s-down");
    assertEquals(0, down.exit(), down.output());
    for (ProcessHandle p : forwards) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
    assertFalse(Files.exists(pids));
    // The forwards start in parallel, so they reach the log in any order; each is before the
    // delete.
    List<String> calls = FakeClusterTools.calls(state);
    for (String forward : List.of("service/db 5432:5432", "service/redis 6379:6379")) {
      assertInOrder(
          calls,
          NS + " port-forward --address 127.0.0.1 " + forward,
          NS + " delete deployments,statefulsets,jobs");
    }
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
    assertEquals(0, run.exit(), run.output());
    List<String> calls = FakeClusterTools.calls(state);
    assertTrue(calls.stream().noneMatch(c -> c.startsWith("kind ")), String.join("\n", calls));
    String api = contentTag("zero-to-running/api:dev");
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
    assertEquals(0, desktop.exit(), desktop.output());
    assertTrue(
        FakeClusterTools.calls(state).stream()
            .noneMatch(c -> c.startsWith("kind ") || c.startsWith("minikube")),
        "Docker Desktop's cluster sees the local images: nothing to load");
  }
}
