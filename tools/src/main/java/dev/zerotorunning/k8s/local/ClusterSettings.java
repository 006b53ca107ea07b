package dev.zerotorunning.k8s.local;

import dev.zerotorunning.k8s.load.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names every kind/kubectl step needs, read from the files the generator wrote (nothing is
 * hard-coded): the namespace from kustomization.yaml, the kind cluster from kind-config.yaml, the
 * project from the part-of label, the workloads from the manifests' file names. And which cluster
 * (K8S_CLUSTER): kind (created from kind-config.yaml) or the current kubectl context; only how
 * images reach the nodes differs (K8S_LOAD_CMD: kind loads them; Docker Desktop's cluster sees the
 * local Docker images, so nothing by default).
 *
 * @param dir the generator's output (K8S_DIR)
 * @param context the kubectl context ("" for the current context until it is resolved)
 * @param loadCommand how images reach the nodes ("" for not at all)
 */
public record ClusterSettings(
    Path dir,
    String namespace,
    String kindCluster,
    String partOf,
    String cluster,
    String context,
    String loadCommand) {
  private static final Pattern WORKLOAD_FILE =
      Pattern.compile("(deployment|statefulset)-(.*)\\.yaml");

  public static ClusterSettings read(Path dir, Map<String, String> env) throws IOException {
    Path kustomization = dir.resolve("base/kustomization.yaml");
    Path kindConfig = dir.resolve("kind-config.yaml");
    if (!Files.isRegularFile(kustomization) || !Files.isRegularFile(kindConfig)) {
      throw new Refusal(dir + "/ has no base/kustomization.yaml / kind-config.yaml. Fix: make k8s");
    }
    Map<String, Object> k =
        YamlFiles.parseMap(Files.readString(kustomization), kustomization.toString());
    String namespace = String.valueOf(k.getOrDefault("namespace", "default"));
    String kindCluster =
        nonEmpty(env.get("KIND_CLUSTER"))
            .orElse(
                String.valueOf(
                    YamlFiles.parseMap(Files.readString(kindConfig), kindConfig.toString())
                        .get("name")));
    String partOf = find(k, "app.kubernetes.io/part-of").orElse(namespace);
    String cluster = nonEmpty(env.get("K8S_CLUSTER")).orElse("kind");
    Optional<String> context = nonEmpty(env.get("KUBE_CONTEXT"));
    String load = env.get("K8S_LOAD_CMD"); // set but empty: load nothing
    boolean kind = cluster.equals("kind");
    if (!kind && !cluster.equals("current")) {
      throw new Refusal(
          "K8S_CLUSTER="
              + cluster
              + " is not a cluster choice (kind or current). Fix: make dev K8S=1 (kind) or make"
              + " dev K8S=1 K8S_CLUSTER=current");
    }
    // Always name kind's context: a developer's current context may well be a real cluster.
    return new ClusterSettings(
        dir,
        namespace,
        kindCluster,
        partOf,
        cluster,
        context.orElse(kind ? "kind-" + kindCluster : ""),
        load != null ? load : kind ? "kind load docker-image --name " + kindCluster : "");
  }

  public boolean kind() {
    return cluster.equals("kind");
  }

  public ClusterSettings withContext(String resolved) {
    return new ClusterSettings(dir, namespace, kindCluster, partOf, cluster, resolved, loadCommand);
  }

  /** The Deployment or StatefulSet the generator made of a compose service, as kind/name. */
  public String workload(String service, String target) throws IOException {
    for (String kind : List.of("deployment", "statefulset")) {
      if (Files.isRegularFile(dir.resolve("base").resolve(kind + "-" + service + ".yaml"))) {
        return kind + "/" + service;
      }
    }
    throw new Refusal(
        "SVC="
            + service
            + " names no workload in "
            + dir.resolve("base")
            + "/ (there are: "
            + String.join(" ", workloads())
            + "). Fix: make "
            + target
            + " SVC=<one of them> K8S=1");
  }

  public List<String> workloads() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("base"))) {
      for (Path f : files.toList()) {
        Matcher m = WORKLOAD_FILE.matcher(f.getFileName().toString());
        if (m.matches()) {
          names.add(m.group(2));
        }
      }
    }
    return names.stream().sorted().toList();
  }

  /** Bash assignments the scripts evaluate, each value single-quoted. */
  public String exports() {
    StringBuilder out = new StringBuilder();
    Map.of(
            "NAMESPACE", namespace,
            "KIND_CLUSTER", kindCluster,
            "PART_OF", partOf,
            "K8S_CLUSTER", cluster,
            "KUBE_CONTEXT", context,
            "K8S_LOAD_CMD", loadCommand)
        .entrySet()
        .stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(export(e.getKey(), e.getValue())));
    return out.toString();
  }

  public static String export(String name, String value) {
    return "export " + name + "='" + value.replace("'", "'\\''") + "'\n";
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** The first value of a key anywhere in a YAML tree. */
  private static Optional<String> find(Object tree, String key) {
    if (tree instanceof Map<?, ?> m && m.get(key) != null) {
      return Optional.of(String.valueOf(m.get(key)));
    }
    Collection<?> children =
        tree instanceof Map<?, ?> m ? m.values() : tree instanceof List<?> l ? l : List.of();
    return children.stream().map(c -> find(c, key)).flatMap(Optional::stream).findFirst();
  }
}
