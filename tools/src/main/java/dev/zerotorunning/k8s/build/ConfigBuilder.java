package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.Names;
import dev.zerotorunning.k8s.model.Reasons;
import dev.zerotorunning.k8s.model.VolumeMount;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Environment and file configuration: plain variables go to a committed ConfigMap; secret-looking
 * ones only by name to a kustomize secretGenerator, so no secret value is ever written to the
 * repository. File bind mounts become ConfigMaps holding the file content.
 */
final class ConfigBuilder {

  /**
   * Key names that hold credentials in practice. AUTH alone is left out: AUTH_METHOD is not a
   * secret.
   */
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL).*");

  /**
   * A URL with user:password@ carries a password even when its key looks harmless (DATABASE_URL).
   */
  private static final Pattern URL_WITH_PASSWORD =
      Pattern.compile("^[a-z][a-z0-9+.-]*://[^/@:\\s]+:[^/@\\s]+@.*");

  private static final int CONFIGMAP_LIMIT = 900 * 1024;

  /**
   * A file bind mount turned into a ConfigMap, the pod volume that shows it and the container
   * mount.
   */
  record FileMount(
      KubeObject configMap, V1Volume volume, V1VolumeMount mount, Map<String, String> content) {}

  private final Labels labels;
  private final String namespace;
  private final Diagnostics diag;
  private final Path projectDir;

  ConfigBuilder(Labels labels, String namespace, Diagnostics diag, Path projectDir) {
    this.projectDir = projectDir;
    this.labels = labels;
    this.namespace = namespace;
    this.diag = diag;
  }

  static boolean isSecret(ComposeService s, String key, String value) {
    if (s.hints().plainKeys().contains(key)) {
      return false;
    }
    return s.hints().secretKeys().contains(key)
        || SECRET_KEY.matcher(key).matches()
        || (value != null && URL_WITH_PASSWORD.matcher(value).matches());
  }

  static Map<String, String> plainEnv(ComposeService s) {
    Map<String, String> plain = new TreeMap<>();
    s.environment()
        .forEach(
            (k, v) -> {
              if (!isSecret(s, k, v)) {
                plain.put(k, v);
              }
            });
    return plain;
  }

  static List<String> secretKeys(ComposeService s) {
    return s.environment().entrySet().stream()
        .filter(e -> isSecret(s, e.getKey(), e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  static String envConfigMapName(ComposeService s) {
    return s.name() + "-env";
  }

  Optional<KubeObject> envConfigMap(ComposeService s, String component) {
    Map<String, String> plain = plainEnv(s);
    if (plain.isEmpty()) {
      return Optional.empty();
    }
    String name = envConfigMapName(s);
    V1ConfigMap cm =
        new V1ConfigMap()
            .apiVersion("v1")
            .kind("ConfigMap")
            .metadata(labels.meta(name, namespace, s.name(), component))
            .data(plain);
    return Optional.of(new KubeObject("ConfigMap", name, cm));
  }

  /**
   * A bind mount of a file or a flat directory of text files; anything else is reported and
   * skipped.
   */
  Optional<FileMount> fileMount(ComposeService s, VolumeMount v, String component) {
    Path source = Path.of(v.source());
    String what = "bind mount " + shown(source) + " -> " + v.target();
    if (v.source().startsWith("~") || !source.startsWith(projectDir)) {
      // Never read: the output would depend on the machine, and a pod sees the node's files, not
      // this machine's (docker.sock, /proc, /etc/localtime, ...).
      diag.unsupported(
          s.name(),
          what
              + ": a path on the host, outside the project, so not mounted; a pod reaches node"
              + " files only through a hostPath volume (add one in an overlay if you need it)");
      return Optional.empty();
    }
    if (!Files.exists(source)) {
      diag.unsupported(
          s.name(),
          what
              + ": source does not exist next to the compose file, so it cannot become a"
              + " ConfigMap");
      return Optional.empty();
    }
    if (!Files.isRegularFile(source) && !Files.isDirectory(source)) {
      diag.unsupported(
          s.name(),
          what
              + ": a socket, pipe or device, not a file, so it has no content to carry; not"
              + " mounted");
      return Optional.empty();
    }
    Map<String, String> data = new TreeMap<>();
    try {
      if (Files.isRegularFile(source)) {
        data.put(source.getFileName().toString(), text(source));
      } else {
        try (Stream<Path> files = Files.list(source)) {
          for (Path f : files.sorted().toList()) {
            if (!Files.isRegularFile(f)) {
              throw new IllegalArgumentException("has " + f.getFileName() + ", not a file");
            }
            data.put(f.getFileName().toString(), text(f));
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      diag.unsupported(s.name(), what + ": cannot be read (" + Reasons.of(e) + "); not mounted");
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      diag.unsupported(
          s.name(),
          "bind mount "
              + v.target()
              + ": only files and flat directories of text files "
              + "become ConfigMaps; this one "
              + e.getMessage());
      return Optional.empty();
    }
    if (data.values().stream().mapToInt(String::length).sum() > CONFIGMAP_LIMIT) {
      diag.unsupported(
          s.name(), "bind mount " + v.target() + ": over 900 KiB, too big for a ConfigMap");
      return Optional.empty();
    }
    String name = Names.dnsLabel(s.name() + "-" + source.getFileName());
    V1ConfigMap cm =
        new V1ConfigMap()
            .apiVersion("v1")
            .kind("ConfigMap")
            .metadata(labels.meta(name, namespace, s.name(), component))
            .data(data);
    V1Volume volume = new V1Volume().name(name).configMap(new V1ConfigMapVolumeSource().name(name));
    V1VolumeMount mount = new V1VolumeMount().name(name).mountPath(v.target()).readOnly(true);
    if (Files.isRegularFile(source)) {
      mount.setSubPath(
          source.getFileName().toString()); // a file mount must not hide the target directory
    }
    if (!v.readOnly()) {
      diag.note(s.name(), "bind mount " + v.target() + " is read-only on Kubernetes (ConfigMap)");
    }
    return Optional.of(new FileMount(new KubeObject("ConfigMap", name, cm), volume, mount, data));
  }

  /**
   * Paths in messages are relative to the compose file, so reports do not depend on the checkout.
   */
  private String shown(Path source) {
    return source.isAbsolute() && source.startsWith(projectDir)
        ? "./" + projectDir.relativize(source)
        : source.toString();
  }

  static String text(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("holds a binary file " + file.getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Short content hash for a pod annotation, so a changed ConfigMap rolls the pods like compose
   * recreates.
   */
  static String hash(List<Map<String, String>> parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map<String, String> part : parts) {
        new TreeMap<>(part)
            .forEach(
                (k, v) -> {
                  sha.update(k.getBytes(StandardCharsets.UTF_8));
                  sha.update((byte) 0);
                  sha.update(v.getBytes(StandardCharsets.UTF_8));
                  sha.update((byte) 0);
                });
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Map<String, String>> hashInputs(Map<String, String> env, List<FileMount> files) {
    List<Map<String, String>> parts = new ArrayList<>();
    parts.add(env);
    files.forEach(f -> parts.add(f.content()));
    return parts;
  }
}
