package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.load.ComposeLoader;
import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.model.ComposeProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: which compose file and where interpolation values come from. */
public final class ComposeOptions {

  @Option(
      names = "--compose-file",
      split = ":",
      defaultValue = "compose.yaml",
      description =
          "Compose file (default: ${DEFAULT-VALUE}); repeat it, or join files with ':' as in"
              + " COMPOSE_FILE, to merge them like `docker compose -f a -f b`.")
  List<Path> composeFiles;

  @Option(
      names = "--profile",
      split = ",",
      description =
          "Profile to turn on, repeatable (default: COMPOSE_PROFILES from the env files).")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--env-file",
      description =
          "Env file for interpolation, repeatable, first wins "
              + "(default: .env then .env.example next to the compose file).")
  List<Path> envFiles = new ArrayList<>();

  @Option(
      names = "--no-env-file",
      description =
          "Interpolate from no env file, as Compose does when there is no .env next to the file.")
  boolean noEnvFile;

  @Option(
      names = "--process-env",
      description =
          "Let the shell environment override env files, as Compose does. "
              + "Off for generate/check so committed output never depends on a developer's shell.")
  boolean processEnv;

  public EnvSources env() {
    Map<String, String> shell = processEnv ? System.getenv() : Map.of();
    if (noEnvFile) {
      if (!envFiles.isEmpty()) {
        throw new IllegalArgumentException("--no-env-file and --env-file exclude each other");
      }
      return EnvSources.load(List.of(), null, shell);
    }
    Path dir = composeFiles.get(0).toAbsolutePath().normalize().getParent();
    return EnvSources.load(envFiles, dir, shell);
  }

  public ComposeProject load() throws IOException {
    return load(env());
  }

  public ComposeProject load(EnvSources env) throws IOException {
    return new ComposeLoader().load(composeFiles, env, profiles);
  }

  /** Each service's labels, the ones the model leaves out included. */
  public Map<String, Map<String, String>> labels() throws IOException {
    return new ComposeLoader().labels(composeFiles, env());
  }

  /** The compose files as given, joined like COMPOSE_FILE, for messages. */
  public String composeFileNames() {
    return String.join(":", composeFiles.stream().map(Path::toString).toList());
  }
}
