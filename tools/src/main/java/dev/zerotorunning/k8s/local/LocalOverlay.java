package dev.zerotorunning.k8s.local;

import dev.zerotorunning.k8s.emit.SortedYaml;
import dev.zerotorunning.k8s.load.YamlFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The git-ignored overlay {@code make dev K8S=1} applies instead of the committed base: the base
 * plus this machine's content-tagged images (kustomize {@code images:}), so a rebuilt image changes
 * the pod templates that use it and nothing else. Each Job of the base gets a release annotation, a
 * hash of its manifest and the images it runs: the same release means the Job already ran for this
 * code and config, a new one that it must run again.
 *
 * @param kustomization the overlay's kustomization.yaml content
 * @param releases per Job name, its release
 */
public record LocalOverlay(Map<String, Object> kustomization, Map<String, String> releases) {
  public static final String RELEASE_ANNOTATION = "k8s-gen/release";

  private static final String HEADER =
      "# Written by make dev K8S=1 (k8s-gen overlay) on every run: the committed base with this\n"
          + "# machine's image tags. Git-ignored; do not edit.\n";

  public static LocalOverlay of(Path base, Path overlayDir, ImageTags images) throws IOException {
    Path kustomizationFile = base.resolve("kustomization.yaml");
    if (!Files.isRegularFile(kustomizationFile)) {
      throw new IllegalArgumentException(
          base + " has no kustomization.yaml. Fix: make k8s (it generates the base)");
    }
    Map<String, Object> baseKustomization =
        YamlFiles.parseMap(Files.readString(kustomizationFile), kustomizationFile.toString());
    Map<String, String> releases = new TreeMap<>();
    List<Object> patches = new ArrayList<>();
    if (baseKustomization.get("resources") instanceof List<?> resources) {
      for (Object resource : resources) {
        Path file = base.resolve(String.valueOf(resource));
        String text = Files.readString(file);
        Map<String, Object> object = YamlFiles.parseMap(text, file.toString());
        if (!"Job".equals(object.get("kind"))) {
          continue;
        }
        String name = String.valueOf(((Map<?, ?>) object.get("metadata")).get("name"));
        String release = release(text, imagesOf(object), images);
        releases.put(name, release);
        patches.add(
            Map.of(
                "target",
                Map.of("kind", "Job", "name", name),
                "patch",
                releasePatch(name, release)));
      }
    }
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    k.put(
        "resources",
        List.of(
            overlayDir
                .toAbsolutePath()
                .normalize()
                .relativize(base.toAbsolutePath().normalize())
                .toString()));
    List<Map<String, Object>> entries = images.kustomizeEntries();
    if (!entries.isEmpty()) {
      k.put("images", entries);
    }
    if (!patches.isEmpty()) {
      k.put("patches", patches);
    }
    return new LocalOverlay(k, releases);
  }

  public void write(Path overlayDir) throws IOException {
    Files.createDirectories(overlayDir);
    Files.writeString(
        overlayDir.resolve("kustomization.yaml"),
        HEADER + SortedYaml.dump(kustomization),
        StandardCharsets.UTF_8);
  }

  private static String releasePatch(String job, String release) {
    return SortedYaml.dump(
        Map.of(
            "apiVersion",
            "batch/v1",
            "kind",
            "Job",
            "metadata",
            Map.of("name", job, "annotations", Map.of(RELEASE_ANNOTATION, release))));
  }

  @SuppressWarnings("unchecked")
  private static List<String> imagesOf(Map<String, Object> job) {
    List<String> out = new ArrayList<>();
    Object spec = ((Map<String, Object>) job.get("spec")).get("template");
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec).get("spec");
    for (String key : List.of("initContainers", "containers")) {
      if (pod.get(key) instanceof List<?> containers) {
        containers.forEach(c -> out.add(String.valueOf(((Map<?, ?>) c).get("image"))));
      }
    }
    return out;
  }

  private static String release(String manifest, List<String> baseImages, ImageTags images) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(manifest.getBytes(StandardCharsets.UTF_8));
      for (String image : baseImages) {
        sha.update(("\n" + images.resolve(image)).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
