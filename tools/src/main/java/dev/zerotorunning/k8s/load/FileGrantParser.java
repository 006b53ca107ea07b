package dev.zerotorunning.k8s.load;

import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.FileGrant;
import dev.zerotorunning.k8s.model.ProjectFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Top-level {@code secrets:} / {@code configs:} and the services' short and long syntax. */
final class FileGrantParser {
  private FileGrantParser() {}

  static final String SECRETS = "secrets";
  static final String CONFIGS = "configs";

  /**
   * A config read from the environment is resolved now, like any interpolated value (it is not
   * secret); a secret keeps the variable's name, read only at apply time.
   */
  static Map<String, ProjectFile> declared(
      Object raw, String section, Path projectDir, EnvSources env, Diagnostics diag) {
    Map<String, ProjectFile> out = new TreeMap<>();
    Raw.map(raw, section)
        .forEach(
            (name, spec) -> {
              String path = section + "." + name;
              Map<String, Object> m = Raw.map(spec, path);
              ProjectFile file;
              if (m.containsKey("external") && isExternal(m.get("external"), path)) {
                file = new ProjectFile(name, ProjectFile.Source.EXTERNAL, name);
              } else if (m.get("file") != null) {
                String source = Raw.string(m.get("file"), path + ".file");
                file =
                    new ProjectFile(
                        name,
                        ProjectFile.Source.FILE,
                        source.startsWith("~")
                            ? source
                            : projectDir.resolve(source).normalize().toString());
              } else if (m.get("environment") != null) {
                String variable = Raw.string(m.get("environment"), path + ".environment");
                if (section.equals(CONFIGS) && env.lookup(variable).isEmpty()) {
                  diag.warning(
                      "(project)", path + ": variable " + variable + " is not set: empty content");
                }
                file =
                    section.equals(CONFIGS)
                        ? new ProjectFile(
                            name, ProjectFile.Source.CONTENT, env.lookup(variable).orElse(""))
                        : new ProjectFile(name, ProjectFile.Source.ENVIRONMENT, variable);
              } else if (m.containsKey("content")) {
                file =
                    new ProjectFile(
                        name,
                        ProjectFile.Source.CONTENT,
                        Optional.ofNullable(Raw.string(m.get("content"), path + ".content"))
                            .orElse(""));
              } else {
                throw new Raw.ComposeFormatException(
                    path,
                    "needs file, environment"
                        + (section.equals(CONFIGS) ? ", content" : "")
                        + " or external");
              }
              m.keySet().stream()
                  .filter(
                      k ->
                          !List.of("file", "environment", "content", "external", "name", "labels")
                              .contains(k))
                  .sorted()
                  .forEach(
                      k ->
                          diag.unsupported(
                              "(project)", path + "." + k + " has no Kubernetes mapping"));
              out.put(name, file);
            });
    return out;
  }

  private static boolean isExternal(Object value, String path) {
    return value instanceof Map || Raw.bool(value, path + ".external");
  }

  /** A service's grants, targets defaulted as Compose does; every source must be declared. */
  static List<FileGrant> grants(
      Object raw,
      String section,
      Map<String, ProjectFile> declared,
      String service,
      Diagnostics diag) {
    String path = "services." + service + "." + section;
    List<FileGrant> out = new ArrayList<>();
    List<Object> items = Raw.list(raw, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      String source;
      String target = null;
      Optional<Integer> mode = Optional.empty();
      if (items.get(i) instanceof Map) {
        Map<String, Object> m = Raw.map(items.get(i), itemPath);
        source = Raw.string(m.get("source"), itemPath + ".source");
        target = Raw.string(m.get("target"), itemPath + ".target");
        mode = Optional.ofNullable(m.get("mode")).map(v -> mode(v, itemPath + ".mode"));
        if (m.containsKey("uid") || m.containsKey("gid")) {
          diag.unsupported(
              service,
              section
                  + " "
                  + source
                  + ": uid/gid not mapped (Kubernetes sets one group per pod, fsGroup); the file"
                  + " is owned by root and readable per mode");
        }
      } else {
        source = Raw.string(items.get(i), itemPath);
      }
      if (source == null || !declared.containsKey(source)) {
        throw new Raw.ComposeFormatException(
            itemPath, "refers to undefined " + section + " \"" + source + "\"");
      }
      out.add(new FileGrant(source, target(section, source, target), mode));
    }
    return out;
  }

  /** Compose: secrets under /run/secrets/ (a relative target too), configs at /<name>. */
  private static String target(String section, String source, String target) {
    String name = target == null ? source : target;
    if (name.startsWith("/")) {
      return name;
    }
    return (section.equals(SECRETS) ? "/run/secrets/" : "/") + name;
  }

  /**
   * Compose's mode is octal ("0440"); YAML 1.2 reads 0440 as the number 440, so digits 0-7 are
   * taken as octal either way.
   */
  private static int mode(Object raw, String path) {
    String s = Raw.string(raw, path).trim().replaceFirst("^0o", "");
    if (!s.matches("[0-7]{1,4}")) {
      throw new Raw.ComposeFormatException(path, "expected an octal file mode such as 0440");
    }
    return Integer.parseInt(s, 8);
  }
}
