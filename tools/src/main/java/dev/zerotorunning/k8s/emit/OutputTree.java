package dev.zerotorunning.k8s.emit;

import dev.zerotorunning.k8s.build.KubeObject;
import dev.zerotorunning.k8s.build.Manifests;
import dev.zerotorunning.k8s.overlay.Overlay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The generated directory as file name to content, rendered in memory. {@code generate} writes it
 * (and removes files it no longer produces); {@code check} compares it with what is on disk.
 */
public final class OutputTree {

  /** Files on disk that belong to the developer, not to the generator. */
  private static final String SECRETS_DIR = "secrets";

  /**
   * The kustomize base, in its own directory: kustomize refuses an overlay inside its base's
   * directory (a cycle), so the base and {@code overlays/} are siblings.
   */
  public static final String BASE = "base/";

  private final Map<String, String> files;

  private OutputTree(Map<String, String> files) {
    this.files = files;
  }

  public static OutputTree render(Manifests m, List<Overlay> overlays, String sourceName) {
    Map<String, String> files = new TreeMap<>();
    String header = header(sourceName);
    for (KubeObject o : m.objects()) {
      files.put(BASE + o.fileName(), header + SortedYaml.dump(SortedYaml.treeOf(o.model())));
    }
    m.tasks()
        .forEach(
            (name, job) ->
                files.put(
                    BASE + "tasks/" + job.fileName(),
                    header
                        + "# An on-demand task (x-k8s.tasks), not part of the base: see"
                        + " scripts/k8s/tools.sh task.\n"
                        + SortedYaml.dump(SortedYaml.treeOf(job.model()))));
    files.put(BASE + "kustomization.yaml", header + SortedYaml.dump(m.kustomization()));
    files.put(
        BASE + ".gitignore",
        header
            + "# Secret values, written from .env by `make k8s-up` right before `kubectl apply"
            + " -k`.\n"
            + SECRETS_DIR
            + "/\n");
    files.put("kind-config.yaml", header + SortedYaml.dump(m.kindConfig()));
    for (Overlay overlay : overlays) {
      String dir = Overlay.DIR + overlay.name() + "/";
      for (KubeObject o : overlay.objects()) {
        files.put(dir + o.fileName(), header + SortedYaml.dump(SortedYaml.treeOf(o.model())));
      }
      overlay
          .patches()
          .forEach((name, patch) -> files.put(dir + name, header + SortedYaml.dump(patch)));
      files.put(dir + "kustomization.yaml", header + SortedYaml.dump(overlay.kustomization()));
    }
    return new OutputTree(files);
  }

  /** No timestamp, no version: the header must not make two runs differ. */
  static String header(String sourceName) {
    return "# Generated from "
        + sourceName
        + " by tools/ (k8s-gen). Do not edit: run `make k8s` to regenerate.\n"
        + "# `make k8s-check` (part of `make test`) fails when this file is stale.\n";
  }

  public Map<String, String> files() {
    return files;
  }

  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String stale : onDisk(dir).keySet()) {
      if (!files.containsKey(stale)) {
        Files.delete(dir.resolve(stale));
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
        Files.write(target, bytes);
      }
    }
  }

  /** Generated files currently in {@code dir} (everything but the git-ignored base/secrets/). */
  public static Map<String, String> onDisk(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.filter(Files::isRegularFile).toList();
      for (Path p : paths) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        // secrets/ at the top: where an older layout wrote them, still the developer's
        if (!rel.startsWith(BASE + SECRETS_DIR + "/") && !rel.startsWith(SECRETS_DIR + "/")) {
          out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
