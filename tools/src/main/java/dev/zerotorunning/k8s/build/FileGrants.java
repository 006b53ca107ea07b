package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.FileGrant;
import dev.zerotorunning.k8s.model.Names;
import dev.zerotorunning.k8s.model.ProjectFile;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compose secrets and configs. A config becomes a committed ConfigMap; a secret a kustomize
 * secretGenerator reading {@code secrets/files/<name>}, which {@code k8s-gen secrets} writes at
 * apply time and git ignores, so no secret value is ever in a generated file. Both are mounted file
 * by file (subPath) where Compose mounts them, with their mode.
 */
final class FileGrants {
  /** ConfigMaps of the configs some service uses, once each. */
  final List<KubeObject> configMaps = new ArrayList<>();

  /** The secrets some service uses (their values are written at apply time), by key. */
  final Map<String, ProjectFile> secrets = new TreeMap<>();

  /** Per service, the volumes and mounts of its grants (configMap unset: emitted above). */
  final Map<String, List<ConfigBuilder.FileMount>> mounts = new TreeMap<>();

  private final ComposeProject project;
  private final Labels labels;
  private final String namespace;
  private final Map<String, Optional<Map<String, String>>> configData = new TreeMap<>();

  FileGrants(ComposeProject project, Labels labels, String namespace) {
    this.project = project;
    this.labels = labels;
    this.namespace = namespace;
    for (ComposeService s : project.services()) {
      List<ConfigBuilder.FileMount> own = new ArrayList<>();
      s.configs().forEach(g -> config(s, g).ifPresent(own::add));
      s.secrets().forEach(g -> secret(s, g).ifPresent(own::add));
      mounts.put(s.name(), own);
    }
  }

  static String key(String name) {
    return name.replaceAll("[^-._a-zA-Z0-9]", "_");
  }

  static String secretName(String name) {
    return Names.dnsLabel("secret-" + name);
  }

  private Optional<ConfigBuilder.FileMount> config(ComposeService s, FileGrant g) {
    ProjectFile file = project.configs().get(g.source());
    String name = Names.dnsLabel("config-" + g.source());
    Optional<Map<String, String>> data =
        configData.computeIfAbsent(g.source(), k -> configContent(s, file, name));
    if (data.isEmpty()) {
      return Optional.empty();
    }
    V1Volume volume =
        new V1Volume()
            .name(name)
            .configMap(new V1ConfigMapVolumeSource().name(name).items(items(g)));
    return Optional.of(new ConfigBuilder.FileMount(null, volume, mount(name, g), data.get()));
  }

  private Optional<Map<String, String>> configContent(
      ComposeService s, ProjectFile file, String name) {
    String content;
    switch (file.source()) {
      case CONTENT -> content = file.value();
      case FILE -> {
        Path path = Path.of(file.value());
        if (file.value().startsWith("~")
            || !path.startsWith(project.projectDir())
            || !Files.isRegularFile(path)) {
          return notMounted(
              s,
              "config "
                  + file.name()
                  + ": its file is missing or outside the project, so there is nothing to put in a"
                  + " ConfigMap; not mounted");
        }
        try {
          content = ConfigBuilder.text(path);
        } catch (IllegalArgumentException e) {
          return notMounted(s, "config " + file.name() + " " + e.getMessage());
        }
      }
      default -> {
        return notMounted(
            s,
            "config "
                + file.name()
                + " is external: not mounted (create the ConfigMap and mount it in an overlay)");
      }
    }
    Map<String, String> data = new TreeMap<>(Map.of(key(file.name()), content));
    V1ConfigMap cm =
        new V1ConfigMap()
            .apiVersion("v1")
            .kind("ConfigMap")
            .metadata(
                new io.kubernetes.client.openapi.models.V1ObjectMeta()
                    .name(name)
                    .namespace(namespace)
                    .labels(labels.of(Names.dnsLabel(file.name()), "config")))
            .data(data);
    configMaps.add(new KubeObject("ConfigMap", name, cm));
    return Optional.of(data);
  }

  private Optional<ConfigBuilder.FileMount> secret(ComposeService s, FileGrant g) {
    ProjectFile file = project.secrets().get(g.source());
    if (file.source() == ProjectFile.Source.EXTERNAL) {
      return notMounted(
          s,
          "secret "
              + file.name()
              + " is external: not mounted (create the Secret and mount it in an overlay)");
    }
    secrets.put(key(file.name()), file);
    String name = secretName(g.source());
    V1Volume volume =
        new V1Volume()
            .name(name)
            .secret(new V1SecretVolumeSource().secretName(name).items(items(g)));
    return Optional.of(new ConfigBuilder.FileMount(null, volume, mount(name, g), Map.of()));
  }

  private <T> Optional<T> notMounted(ComposeService s, String why) {
    project.diagnostics().unsupported(s.name(), why);
    return Optional.empty();
  }

  private static List<V1KeyToPath> items(FileGrant g) {
    V1KeyToPath item = new V1KeyToPath().key(key(g.source())).path(key(g.source()));
    g.mode().ifPresent(item::setMode);
    return List.of(item);
  }

  /** A file mount: subPath keeps the rest of the target directory visible, as Compose does. */
  private static V1VolumeMount mount(String volume, FileGrant g) {
    return new V1VolumeMount()
        .name(volume)
        .mountPath(g.target())
        .subPath(key(g.source()))
        .readOnly(true);
  }

  /** kustomize secretGenerators for the secrets services use. */
  List<Map<String, Object>> secretGenerators() {
    List<Map<String, Object>> out = new ArrayList<>();
    secrets.forEach(
        (key, file) -> {
          Map<String, Object> options = new LinkedHashMap<>();
          options.put("disableNameSuffixHash", true);
          options.put("labels", labels.of(Names.dnsLabel(file.name()), "secret"));
          Map<String, Object> g = new LinkedHashMap<>();
          g.put("name", secretName(file.name()));
          g.put("files", List.of(Manifests.secretFile(key)));
          g.put("options", options);
          out.add(g);
        });
    return out;
  }
}
