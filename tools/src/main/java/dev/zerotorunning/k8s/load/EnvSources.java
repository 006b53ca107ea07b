package dev.zerotorunning.k8s.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where interpolation values come from, highest precedence first: the process environment (only
 * when asked for: generated manifests must not depend on a developer's shell), then each env file
 * in order. The default file list is {@code .env} then {@code .env.example} next to the compose
 * file, so a fresh clone with no {@code .env} still resolves every variable the project documents.
 */
public final class EnvSources {
  private final Map<String, String> processEnv;
  private final List<Map<String, String>> files = new ArrayList<>();
  private final List<Path> loaded = new ArrayList<>();

  private EnvSources(Map<String, String> processEnv) {
    this.processEnv = processEnv;
  }

  /**
   * @param explicitFiles files given with {@code --env-file}; each must exist
   * @param projectDir where {@code .env} / {@code .env.example} are looked up when no file is
   *     given; null for no file at all
   * @param processEnv the shell environment, or an empty map to ignore it
   */
  public static EnvSources load(
      List<Path> explicitFiles, Path projectDir, Map<String, String> processEnv) {
    EnvSources sources = new EnvSources(Map.copyOf(processEnv));
    List<Path> candidates = explicitFiles;
    if (explicitFiles.isEmpty() && projectDir != null) {
      candidates =
          List.of(projectDir.resolve(".env"), projectDir.resolve(".env.example")).stream()
              .filter(Files::isRegularFile)
              .toList();
    }
    for (Path file : candidates) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("env file not found: " + file);
      }
      try {
        sources.files.add(DotEnv.read(file, sources::lookupProcessOnly));
        sources.loaded.add(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read env file " + file, e);
      }
    }
    return sources;
  }

  public static EnvSources of(Map<String, String> values) {
    EnvSources sources = new EnvSources(Map.of());
    sources.files.add(new LinkedHashMap<>(values));
    return sources;
  }

  private Optional<String> lookupProcessOnly(String name) {
    return Optional.ofNullable(processEnv.get(name));
  }

  public Optional<String> lookup(String name) {
    if (processEnv.containsKey(name)) {
      return Optional.of(processEnv.get(name));
    }
    for (Map<String, String> file : files) {
      if (file.containsKey(name)) {
        return Optional.of(file.get(name));
      }
    }
    return Optional.empty();
  }

  public List<Path> loadedFiles() {
    return List.copyOf(loaded);
  }
}
