package dev.zerotorunning.k8s.local;

import dev.zerotorunning.k8s.load.ShellWords;
import dev.zerotorunning.k8s.load.YamlFiles;
import dev.zerotorunning.stack.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The images the manifests name, brought to the cluster's nodes without a registry: third-party
 * images Docker has locally are loaded as they are (the others the node pulls); the images this
 * project builds get a tag derived from their image ID, so a rebuilt image is a new name in the pod
 * templates and an unchanged one is not.
 */
public final class LocalImages {
  private final LocalCommands commands;
  private final PrintWriter err;

  public LocalImages(LocalCommands commands, PrintWriter err) {
    this.commands = commands;
    this.err = err;
  }

  /** Every container image of the base's manifests, sorted. */
  public static Set<String> named(Path base) throws IOException {
    Set<String> images = new TreeSet<>();
    try (Stream<Path> files = Files.list(base)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        collect(YamlFiles.parseMap(Files.readString(f), f.toString()), images);
      }
    }
    return images;
  }

  private static void collect(Object tree, Set<String> images) {
    if (tree instanceof Map<?, ?> m) {
      for (String key : List.of("containers", "initContainers")) {
        if (m.get(key) instanceof List<?> containers) {
          for (Object c : containers) {
            if (c instanceof Map<?, ?> container && container.get("image") != null) {
              images.add(String.valueOf(container.get("image")));
            }
          }
        }
      }
      m.values().forEach(v -> collect(v, images));
    } else if (tree instanceof List<?> l) {
      l.forEach(v -> collect(v, images));
    }
  }

  /** "zero-to-running/api:dev" and ID sha256:3f2a... -> "zero-to-running/api:dev-3f2a9c1b7d4e". */
  static String contentTag(String image, String id) {
    String hex = id.strip().replaceFirst("^sha256:", "");
    String shortId = hex.substring(0, Math.min(12, hex.length()));
    String last = image.substring(image.lastIndexOf('/') + 1);
    return last.contains(":") ? image + "-" + shortId : image + ":" + shortId;
  }

  /**
   * Tags the project's own images with their content and loads every local image with {@code
   * loadCommand}; returns the "IMAGE=TAGGED" pairs for the overlay.
   */
  public List<String> tagAndLoad(
      Set<String> images, List<String> own, String loadCommand, String composeFiles) {
    List<String> tags = new ArrayList<>();
    for (String image : images) {
      LocalCommands.Result id =
          commands.run(List.of("docker", "image", "inspect", "-f", "{{.Id}}", image), false);
      boolean built = own.contains(image);
      if (!id.ok() || id.output().isBlank()) {
        if (built) {
          throw new Refusal(
              "image "
                  + image
                  + " is not built (the build above names it). Fix: make build COMPOSE_FILE="
                  + composeFiles
                  + ", then make dev K8S=1");
        }
        continue;
      }
      String loaded = image;
      if (built) {
        loaded = contentTag(image, id.output());
        run(List.of("docker", "tag", image, loaded));
        tags.add(image + "=" + loaded);
      }
      if (!loadCommand.isBlank()) {
        List<String> load = new ArrayList<>(ShellWords.split(loadCommand));
        load.add(loaded);
        run(load);
      }
    }
    for (String image : own) {
      if (!images.contains(image)) {
        err.println(
            Style.ofTerminal().yellow("!")
                + " "
                + image
                + " is not the image the manifests use ("
                + String.join(" ", images)
                + "); set it in .env.example and run make k8s");
      }
    }
    err.flush();
    return tags;
  }

  private void run(List<String> command) {
    LocalCommands.Result r = commands.run(command, true);
    err.print(r.output());
    if (!r.ok()) {
      throw new Refusal(String.join(" ", command) + " failed: " + r.lastLine());
    }
  }
}
