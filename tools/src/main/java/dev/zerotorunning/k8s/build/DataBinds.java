package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.NamedVolume;
import dev.zerotorunning.k8s.model.Names;
import dev.zerotorunning.k8s.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which bind mounts hold data rather than configuration. A bind mount inside the project becomes a
 * PersistentVolumeClaim when it is writable and its source is a directory that is missing (Docker
 * creates it; a name with an extension is taken for a missing file instead), empty (dotfiles such
 * as .gitkeep aside), or holds subdirectories or binary files. Everything else (a file, a read-only
 * directory, a flat directory of text files) is configuration and becomes a ConfigMap ({@link
 * ConfigBuilder}). Runs before the workload plan, so these claims are planned like named volumes: a
 * StatefulSet template for a single user, one shared claim otherwise.
 */
final class DataBinds {
  private DataBinds() {}

  static ComposeProject apply(ComposeProject project) {
    // a directory some service writes data to is a claim for every service that binds it
    Set<String> dataSources = new HashSet<>();
    project.services().stream()
        .flatMap(s -> s.volumes().stream())
        .filter(v -> v.type().equals(VolumeMount.BIND) && isData(v, project.projectDir()))
        .forEach(v -> dataSources.add(v.source()));
    Map<String, NamedVolume> volumes = new TreeMap<>(project.volumes());
    List<ComposeService> services = new ArrayList<>();
    for (ComposeService s : project.services()) {
      List<VolumeMount> mounts = new ArrayList<>();
      for (VolumeMount v : s.volumes()) {
        if (!v.type().equals(VolumeMount.BIND) || !dataSources.contains(v.source())) {
          mounts.add(v);
          continue;
        }
        String relative = project.projectDir().relativize(Path.of(v.source())).toString();
        String name = Names.dnsLabel(relative);
        if (project.volumes().containsKey(name)) {
          name = Names.dnsLabel(relative + "-bind");
        }
        if (!volumes.containsKey(name)) {
          project
              .diagnostics()
              .note(
                  s.name(),
                  "bind mount ./"
                      + relative
                      + " -> "
                      + v.target()
                      + " is a writable data directory: PersistentVolumeClaim "
                      + name
                      + ", which starts empty (the directory's content is not copied)");
        }
        volumes.putIfAbsent(name, new NamedVolume(name, false, name, Map.of()));
        mounts.add(new VolumeMount(VolumeMount.NAMED, name, v.target(), v.readOnly()));
      }
      services.add(s.withVolumes(mounts));
    }
    return project.with(List.copyOf(services), volumes);
  }

  static boolean isData(VolumeMount v, Path projectDir) {
    Path source = Path.of(v.source());
    if (v.readOnly() || v.source().startsWith("~") || !source.startsWith(projectDir)) {
      return false;
    }
    if (!Files.exists(source)) {
      return !source.getFileName().toString().contains(".");
    }
    if (!Files.isDirectory(source)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(source)) {
      List<Path> visible =
          entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
      return visible.isEmpty() || visible.stream().anyMatch(p -> !isTextFile(p));
    } catch (IOException | UncheckedIOException e) {
      return false; // unreadable: ConfigBuilder reports it
    }
  }

  private static boolean isTextFile(Path p) {
    if (!Files.isRegularFile(p)) {
      return false;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(p)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
