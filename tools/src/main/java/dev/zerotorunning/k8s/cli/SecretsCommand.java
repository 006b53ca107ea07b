package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.build.ManifestBuilder;
import dev.zerotorunning.k8s.build.Manifests;
import dev.zerotorunning.k8s.emit.OutputTree;
import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.ProjectFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code secrets}: at apply time, writes each service's secret variables, interpolated from the
 * real {@code .env} (and the shell, with --process-env), to {@code <out>/secrets/<service>.env},
 * and each compose secret (its file, or its variable) to {@code <out>/secrets/files/<name>}: the
 * git-ignored files the kustomization's secretGenerators read.
 */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description = "Write secrets/<service>.env for the kustomize secretGenerator (git-ignored).")
public final class SecretsCommand implements Callable<Integer> {

  @Mixin ComposeOptions compose;

  @Option(
      names = "--out",
      defaultValue = "k8s-generated",
      description = "Generated base directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--keys-env-file",
      paramLabel = "FILE",
      description =
          "Decide which keys are secret with the env file the manifests were generated with (make"
              + " passes .env.example), so the files match the committed secretGenerators even when"
              + " .env changes a value's look (a URL gaining a password).")
  Path keysEnvFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    EnvSources env = compose.env();
    ComposeProject project = compose.load(env);
    Manifests manifests = new ManifestBuilder().build(project);
    Map<String, List<String>> secretKeys = manifests.secretKeys();
    if (keysEnvFile != null) {
      EnvSources generateTime =
          EnvSources.load(List.of(keysEnvFile), project.projectDir(), Map.of());
      secretKeys = new ManifestBuilder().build(compose.load(generateTime)).secretKeys();
    }
    for (Map.Entry<String, List<String>> e : secretKeys.entrySet()) {
      ComposeService s = project.service(e.getKey()).orElseThrow();
      StringBuilder text = new StringBuilder();
      for (String key : e.getValue()) {
        String value = s.environment().getOrDefault(key, "");
        if (value.contains("\n")) {
          throw new IllegalArgumentException(
              s.name() + ": secret " + key + " spans lines; kustomize env files cannot hold it");
        }
        text.append(key).append('=').append(value).append('\n');
      }
      writePrivate(
          out.resolve(OutputTree.BASE).resolve(Manifests.secretEnvFile(s.name())),
          text.toString().getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, ProjectFile> e : manifests.secretFiles().entrySet()) {
      writePrivate(
          out.resolve(OutputTree.BASE).resolve(Manifests.secretFile(e.getKey())),
          secretValue(e.getValue(), env));
    }
    spec.commandLine()
        .getErr()
        .println(
            "k8s-gen: wrote secret env files for "
                + String.join(", ", secretKeys.keySet())
                + (manifests.secretFiles().isEmpty()
                    ? ""
                    : " and the compose secrets "
                        + String.join(", ", manifests.secretFiles().keySet()))
                + " under "
                + out.resolve(OutputTree.BASE).resolve("secrets"));
    return 0;
  }

  /** A compose secret's value as Compose would read it now: the file, or the variable. */
  private static byte[] secretValue(ProjectFile secret, EnvSources env) throws IOException {
    return switch (secret.source()) {
      case FILE -> {
        Path file = Path.of(secret.value());
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException(
              "secret " + secret.name() + ": file " + file + " not found; create it, then retry");
        }
        yield Files.readAllBytes(file);
      }
      case ENVIRONMENT ->
          env.lookup(secret.value())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "secret "
                              + secret.name()
                              + ": variable "
                              + secret.value()
                              + " is not set; set it in .env"))
              .getBytes(StandardCharsets.UTF_8);
      default -> secret.value().getBytes(StandardCharsets.UTF_8);
    };
  }

  private static void writePrivate(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: nothing to tighten
    }
  }
}
