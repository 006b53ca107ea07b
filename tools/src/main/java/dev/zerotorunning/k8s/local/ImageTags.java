package dev.zerotorunning.k8s.local;

import dev.zerotorunning.k8s.load.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The images {@code make dev K8S=1} built and retagged with their content (the image ID): {@code
 * zero-to-running/api:dev} becomes {@code zero-to-running/api:dev-3f2a9c1b7d4e}. Keyed by
 * repository, as kustomize's {@code images:} matches. Written into the local overlay, and read back
 * from it so on-demand task Jobs run the image the pods run.
 */
public final class ImageTags {
  private final Map<String, String> byRepository;

  private ImageTags(Map<String, String> byRepository) {
    this.byRepository = byRepository;
  }

  /** {@code FROM=TO} pairs, as the shell passes them; bad input is one line naming the fix. */
  public static ImageTags parse(List<String> pairs) {
    Map<String, String> map = new TreeMap<>();
    for (String pair : pairs) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2 || repo(kv[0]).isEmpty() || !repo(kv[0]).equals(repo(kv[1]))) {
        throw new IllegalArgumentException(
            "--image "
                + pair
                + ": expected IMAGE=IMAGE:NEWTAG with the same repository, e.g."
                + " app:dev=app:dev-3f2a9c1b7d4e");
      }
      map.put(repo(kv[0]), kv[1]);
    }
    return new ImageTags(map);
  }

  /** The {@code images:} of a kustomization file; none when the file does not exist. */
  public static ImageTags readOverlay(Path kustomization) throws IOException {
    if (!Files.isRegularFile(kustomization)) {
      return new ImageTags(Map.of());
    }
    Map<String, Object> k =
        YamlFiles.parseMap(Files.readString(kustomization), kustomization.toString());
    Map<String, String> map = new TreeMap<>();
    if (k.get("images") instanceof List<?> images) {
      for (Object entry : images) {
        if (entry instanceof Map<?, ?> e && e.get("name") != null && e.get("newTag") != null) {
          map.put(String.valueOf(e.get("name")), e.get("name") + ":" + e.get("newTag"));
        }
      }
    }
    return new ImageTags(map);
  }

  /** The content-tagged image for an image the base names; the same image when not retagged. */
  public String resolve(String image) {
    return byRepository.getOrDefault(repo(image), image);
  }

  /** kustomize {@code images:} entries. */
  List<Map<String, Object>> kustomizeEntries() {
    List<Map<String, Object>> entries = new ArrayList<>();
    byRepository.forEach(
        (repo, to) -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("name", repo(to));
          e.put("newTag", to.substring(repo(to).length() + 1));
          entries.add(e);
        });
    return entries;
  }

  /** Rewrites every container image of a pod spec tree, as kustomize's image transformer does. */
  @SuppressWarnings("unchecked")
  public void applyTo(Map<String, Object> podSpec) {
    for (String key : List.of("initContainers", "containers")) {
      Object list = podSpec.get(key);
      if (list instanceof List<?> containers) {
        for (Object c : containers) {
          Map<String, Object> container = (Map<String, Object>) c;
          Object image = container.get("image");
          if (image != null) {
            container.put("image", resolve(String.valueOf(image)));
          }
        }
      }
    }
  }

  /** Repository part of an image reference: up to the tag's colon (not a registry port's). */
  static String repo(String image) {
    int at = image.indexOf('@');
    String ref = at < 0 ? image : image.substring(0, at);
    int colon = ref.lastIndexOf(':');
    return colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
  }
}
