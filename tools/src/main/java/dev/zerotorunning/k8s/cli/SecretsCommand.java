package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.build.ManifestBuilder;
import dev.zerotorunning.k8s.build.Manifests;
import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
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
 * the git-ignored files the kustomization's secretGenerator reads.
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
    ComposeProject project = compose.load();
    Map<String, List<String>> secretKeys = new ManifestBuilder().build(project).secretKeys();
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
      Path file = out.resolve(Manifests.secretEnvFile(s.name()));
      Files.createDirectories(file.getParent());
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: nothing to tighten
      }
    }
    spec.commandLine()
        .getErr()
        .println(
            "k8s-gen: wrote secret env files for "
                + String.join(", ", secretKeys.keySet())
                + " under "
                + out.resolve("secrets"));
    return 0;
  }
}
