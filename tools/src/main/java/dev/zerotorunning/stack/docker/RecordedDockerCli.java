package dev.zerotorunning.stack.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Answers recorded in one directory: compose-config.json, compose-ps.json, inspect.json (every
 * container of the project; {@link #inspect} returns it whole, the reader matches ids) and
 * logs-ID.txt (a container's last lines; none: no output), config-hash.txt and image-inspect.json.
 * For the preflight: version.json, compose-version.txt, docker-root-dir.txt, docker-ps.json and
 * socket-table.txt. scripts/lib.sh {@code docker_json} writes them.
 */
public final class RecordedDockerCli implements DockerCli {
  private final Path dir;

  public RecordedDockerCli(Path dir) {
    this.dir = dir;
  }

  @Override
  public String composeConfig() {
    return read("compose-config.json");
  }

  @Override
  public String composePs() {
    return read("compose-ps.json");
  }

  @Override
  public String inspect(List<String> ids) {
    return ids.isEmpty() ? "[]" : read("inspect.json");
  }

  @Override
  public String configHashes() {
    return read("config-hash.txt");
  }

  @Override
  public String imageInspect(List<String> refs) {
    return refs.isEmpty() ? "[]" : read("image-inspect.json");
  }

  @Override
  public String logs(String id, int lines) {
    Path file = dir.resolve("logs-" + id + ".txt");
    return Files.exists(file) ? read(file.getFileName().toString()) : "";
  }

  @Override
  public String version() {
    return read("version.json");
  }

  @Override
  public String composeVersion() {
    return read("compose-version.txt").strip();
  }

  @Override
  public String dockerRootDir() {
    return read("docker-root-dir.txt").strip();
  }

  @Override
  public String dockerPs() {
    return read("docker-ps.json");
  }

  @Override
  public String socketTable() {
    return read("socket-table.txt");
  }

  /** Recorded on another machine (or outside this container): its ports are not this JVM's. */
  @Override
  public boolean probesPorts() {
    return false;
  }

  private String read(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read recorded Docker output " + dir.resolve(name), e);
    }
  }
}
