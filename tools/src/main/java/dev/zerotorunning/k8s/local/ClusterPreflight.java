package dev.zerotorunning.k8s.local;

import java.util.List;

/**
 * Is the cluster there before anything runs against it: the tools are installed, the kind cluster
 * exists (or the current context is set), and the API server answers. Each failure is a {@link
 * Refusal} naming the fix.
 */
public final class ClusterPreflight {
  private final LocalCommands commands;

  public ClusterPreflight(LocalCommands commands) {
    this.commands = commands;
  }

  public void need(String tool, String fix) {
    if (!commands.installed(tool)) {
      throw new Refusal(tool + " is not installed. Fix: " + fix);
    }
  }

  public void needKubectl() {
    need(
        "kubectl",
        "install kubectl: https://kubernetes.io/docs/tasks/tools/ (or: brew install kubectl)");
  }

  public void needKind() {
    need(
        "kind",
        "install kind: https://kind.sigs.k8s.io/docs/user/quick-start/#installation (or: brew"
            + " install kind, go install sigs.k8s.io/kind@latest)");
  }

  public boolean kindClusterExists(String name) {
    return commands
        .run(List.of("kind", "get", "clusters"), false)
        .output()
        .lines()
        .anyMatch(name::equals);
  }

  /** The current context, for K8S_CLUSTER=current (a KUBE_CONTEXT already set names another). */
  public ClusterSettings resolveContext(ClusterSettings s) {
    if (!s.context().isEmpty()) {
      return s;
    }
    String current =
        commands.run(List.of("kubectl", "config", "current-context"), false).output().strip();
    if (current.isEmpty()) {
      throw new Refusal(
          "K8S_CLUSTER=current but kubectl has no current context. Fix: kubectl config use-context"
              + " <name> (kubectl config get-contexts lists them), or make dev K8S=1 for kind");
    }
    return s.withContext(current);
  }

  public void requireReachable(ClusterSettings s) {
    LocalCommands.Result r =
        commands.kubectl(s, false, "get", "--raw", "/readyz", "--request-timeout", "5s");
    if (!r.ok()) {
      throw new Refusal(
          "the kubectl context "
              + s.context()
              + " is unreachable ("
              + r.lastLine()
              + "). Fix: start that cluster (kind: make dev K8S=1; Docker Desktop: enable"
              + " Kubernetes; minikube start; k3d cluster start), or kubectl config use-context"
              + " <name>");
    }
  }

  /** A cluster that runs: the kind cluster exists, or the current context answers. */
  public ClusterSettings requireCluster(ClusterSettings s) {
    needKubectl();
    ClusterSettings resolved = s;
    if (s.kind()) {
      needKind();
      if (!kindClusterExists(s.kindCluster())) {
        throw new Refusal(
            "the kind cluster " + s.kindCluster() + " does not exist. Fix: make dev K8S=1");
      }
    } else {
      resolved = resolveContext(s);
    }
    requireReachable(resolved);
    return resolved;
  }

  /**
   * What make dev K8S=1 needs before it builds: kubectl, kind (for kind), a running Docker daemon,
   * and for the current context one that answers (kind's cluster may be created later).
   */
  public ClusterSettings requireUp(ClusterSettings s) {
    needKubectl();
    if (s.kind()) {
      needKind();
    }
    need("docker", "install Docker: https://docs.docker.com/get-docker/");
    if (!commands.run(List.of("docker", "info"), false).ok()) {
      throw new Refusal(
          "the Docker daemon is not running (it builds the images). Fix: start Docker");
    }
    if (s.kind()) {
      return s;
    }
    ClusterSettings resolved = resolveContext(s);
    requireReachable(resolved);
    return resolved;
  }
}
