package dev.zerotorunning.k8s.load;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.NamedVolume;
import dev.zerotorunning.k8s.model.Names;
import dev.zerotorunning.k8s.model.ProjectFile;
import dev.zerotorunning.k8s.model.ProjectSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stage 1: reads a compose file as Compose reads it (YAML with anchors and merge keys, then
 * variable interpolation, then short/long syntax normalisation) into the neutral {@link
 * ComposeProject} model.
 */
public final class ComposeLoader {

  public ComposeProject load(Path composeFile, EnvSources env) throws IOException {
    return load(List.of(composeFile), env, List.of());
  }

  /**
   * Several files merge like {@code docker compose -f a -f b}: each is interpolated, then merged
   * over the previous ones; relative paths resolve against the first file's directory.
   *
   * @param profiles active profiles ({@code --profile}); empty means COMPOSE_PROFILES from the
   *     interpolation environment, as Compose reads it from .env
   */
  public ComposeProject load(List<Path> composeFiles, EnvSources env, List<String> profiles)
      throws IOException {
    Diagnostics diag = new Diagnostics();
    Interpolator interpolator = new Interpolator(env::lookup);
    Map<String, Object> root = merged(composeFiles, interpolator);
    List<String> names = composeFiles.stream().map(f -> f.getFileName().toString()).toList();
    Path projectDir = composeFiles.get(0).toAbsolutePath().normalize().getParent();
    return project(root, String.join(":", names), projectDir, env, interpolator, diag, profiles);
  }

  /**
   * Each service's labels as written, interpolated and merged, with the ones the model leaves out
   * (dev.zerotorunning.*: make dev's URLs and hints; kompose.*: hints), for k8s-gen urls.
   */
  public Map<String, Map<String, String>> labels(List<Path> composeFiles, EnvSources env)
      throws IOException {
    Map<String, Map<String, String>> labels = new TreeMap<>();
    Raw.map(merged(composeFiles, new Interpolator(env::lookup)).get("services"), "services")
        .forEach(
            (service, body) ->
                labels.put(
                    service,
                    Raw.keyValues(
                        Raw.map(body, "services." + service).get("labels"),
                        "services." + service + ".labels")));
    return labels;
  }

  private static Map<String, Object> merged(List<Path> composeFiles, Interpolator interpolator)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Path file : composeFiles) {
      String name = file.getFileName().toString();
      root =
          ComposeMerger.merge(
              root, tree(Files.readString(file, StandardCharsets.UTF_8), name, interpolator));
    }
    return root;
  }

  public ComposeProject load(String yaml, String sourceName, Path projectDir, EnvSources env) {
    Interpolator interpolator = new Interpolator(env::lookup);
    return project(
        tree(yaml, sourceName, interpolator),
        sourceName,
        projectDir,
        env,
        interpolator,
        new Diagnostics(),
        List.of());
  }

  private static Map<String, Object> tree(
      String yaml, String sourceName, Interpolator interpolator) {
    return Raw.map(
        interpolator.interpolateTree(YamlTreeReader.read(yaml, sourceName), ""), "(top level)");
  }

  private ComposeProject project(
      Map<String, Object> root,
      String sourceName,
      Path projectDir,
      EnvSources env,
      Interpolator interpolator,
      Diagnostics diag,
      List<String> profiles) {
    interpolator
        .unsetVariables()
        .forEach(
            v ->
                diag.warning(
                    "(project)",
                    "variable "
                        + v
                        + " is not set: defaulting to a blank string, as Compose does"));
    Set<String> active = activeProfiles(profiles, env);
    for (String key : new TreeMap<>(root).keySet()) {
      if (key.equals("version")) {
        diag.note("(project)", "version is obsolete and ignored, as Compose does");
      } else if (key.equals("networks")) {
        diag.note("(project)", "networks ignored: a namespace is one flat network");
      } else if (!List.of("name", "services", "volumes", "secrets", "configs").contains(key)
          && !key.startsWith("x-")) {
        diag.unsupported(
            "(project)",
            "top-level key \"" + key + "\" has no Kubernetes mapping in this generator");
      }
    }
    String name =
        Optional.ofNullable(Raw.string(root.get("name"), "name"))
            .or(() -> env.lookup("COMPOSE_PROJECT_NAME"))
            .orElse(
                projectDir.getFileName() == null ? "default" : projectDir.getFileName().toString())
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_-]", "");

    Map<String, ProjectFile> secrets =
        FileGrantParser.declared(
            root.get("secrets"), FileGrantParser.SECRETS, projectDir, env, diag);
    Map<String, ProjectFile> configs =
        FileGrantParser.declared(
            root.get("configs"), FileGrantParser.CONFIGS, projectDir, env, diag);
    ServiceParser parser = new ServiceParser(projectDir, env, diag, secrets, configs);
    List<ComposeService> services = new ArrayList<>();
    new TreeMap<>(Raw.map(root.get("services"), "services"))
        .forEach(
            (serviceName, spec) -> {
              Map<String, Object> s = Raw.map(spec, "services." + serviceName);
              List<String> own = Raw.stringOrList(s.get("profiles"), serviceName + ".profiles");
              if (!own.isEmpty()
                  && !active.contains("*")
                  && own.stream().noneMatch(active::contains)) {
                diag.note(
                    serviceName,
                    "left out: profile "
                        + String.join(", ", own)
                        + " is not active (COMPOSE_PROFILES or --profile turns it on, as for"
                        + " `docker compose up`)");
                return;
              }
              services.add(parser.parse(serviceName, s));
            });
    checkDependencies(services);
    return new ComposeProject(
        name,
        sourceName,
        projectDir,
        List.copyOf(services),
        volumes(root.get("volumes"), diag),
        secrets,
        configs,
        settings(root.get("x-k8s"), diag),
        diag);
  }

  private static Set<String> activeProfiles(List<String> profiles, EnvSources env) {
    List<String> names =
        profiles.isEmpty()
            ? List.of(env.lookup("COMPOSE_PROFILES").orElse("").split(","))
            : profiles;
    Set<String> out = new TreeSet<>();
    names.stream().map(String::trim).filter(p -> !p.isEmpty()).forEach(out::add);
    return out;
  }

  private static void checkDependencies(List<ComposeService> services) {
    for (ComposeService s : services) {
      s.dependsOn()
          .forEach(
              d -> {
                if (services.stream().noneMatch(o -> o.name().equals(d.service()))) {
                  throw new IllegalArgumentException(
                      "services."
                          + s.name()
                          + ".depends_on: service \""
                          + d.service()
                          + "\" is not defined (or has a profile)");
                }
              });
    }
  }

  private static Map<String, NamedVolume> volumes(Object raw, Diagnostics diag) {
    Map<String, NamedVolume> out = new TreeMap<>();
    Raw.map(raw, "volumes")
        .forEach(
            (name, spec) -> {
              String path = "volumes." + name;
              Map<String, Object> m = Raw.map(spec, path);
              // `external: {name: x}` is the legacy spelling Compose still reads
              Object externalSpec = m.get("external");
              boolean external =
                  externalSpec instanceof Map
                      || (externalSpec != null && Raw.bool(externalSpec, path + ".external"));
              String externalName =
                  externalSpec instanceof Map
                      ? Raw.string(Raw.map(externalSpec, path).get("name"), path + ".external.name")
                      : null;
              String ownName =
                  Optional.ofNullable(externalName)
                      .or(() -> Optional.ofNullable(Raw.string(m.get("name"), path + ".name")))
                      .orElse(name);
              for (String key : m.keySet()) {
                if (!List.of("labels", "external", "name").contains(key)) {
                  diag.unsupported(
                      "(project)", path + "." + key + " has no mapping (storage comes from a PVC)");
                }
              }
              out.put(
                  name,
                  new NamedVolume(
                      name,
                      external,
                      Names.dnsLabel(external ? ownName : name),
                      new TreeMap<>(Raw.keyValues(m.get("labels"), path))));
            });
    return out;
  }

  private static ProjectSettings settings(Object raw, Diagnostics diag) {
    Map<String, Object> m = Raw.map(raw, "x-k8s");
    for (String key : m.keySet()) {
      if (!List.of("namespace", "cluster-name", "tasks", "environments").contains(key)) {
        diag.unsupported("(project)", "x-k8s." + key + " is not a known top-level x-k8s field");
      }
    }
    List<ProjectSettings.Task> tasks = new ArrayList<>();
    new TreeMap<>(Raw.map(m.get("tasks"), "x-k8s.tasks"))
        .forEach(
            (name, spec) -> {
              Map<String, Object> t = Raw.map(spec, "x-k8s.tasks." + name);
              String service = Raw.string(t.get("service"), "x-k8s.tasks." + name + ".service");
              if (service == null) {
                throw new IllegalArgumentException("x-k8s.tasks." + name + ".service is required");
              }
              tasks.add(
                  new ProjectSettings.Task(
                      name, service, Raw.stringOrList(t.get("command"), "x-k8s.tasks." + name)));
            });
    return new ProjectSettings(
        Optional.ofNullable(Raw.string(m.get("namespace"), "x-k8s.namespace")),
        Optional.ofNullable(Raw.string(m.get("cluster-name"), "x-k8s.cluster-name")),
        List.copyOf(tasks),
        EnvironmentParser.environments(m.get("environments"), diag));
  }
}
