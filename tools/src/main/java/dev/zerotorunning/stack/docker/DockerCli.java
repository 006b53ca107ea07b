package dev.zerotorunning.stack.docker;

import java.util.List;

/**
 * What the stack tool asks Docker, each answer the CLI's own JSON output. {@link ProcessDockerCli}
 * runs the commands; {@link RecordedDockerCli} reads answers recorded earlier (tests, and a machine
 * without a JDK, where the tool runs in a container without Docker).
 */
public interface DockerCli {
  /** {@code docker compose config --format json}, every profile on. */
  String composeConfig();

  /** {@code docker compose ps --all --format json}, every profile on: one object a line. */
  String composePs();

  /** {@code docker inspect ID...}: an array; "[]" for no ids. */
  String inspect(List<String> ids);

  /**
   * {@code docker compose config --hash '*'} with the caller's profiles: "service hash" lines, the
   * hash Compose labels each container with (its one text answer: Compose has no JSON for it).
   */
  String configHashes();

  /** {@code docker image inspect REF...}: an array of the images that exist. */
  String imageInspect(List<String> refs);

  /** {@code docker logs --tail LINES ID}: the container's output and errors, as text. */
  String logs(String id, int lines);

  /** {@code docker version --format json}: the client's and the engine's versions. */
  String version();

  /** {@code docker compose version --short}: "2.26.1" (text: the one thing it prints). */
  String composeVersion();

  /** {@code docker info --format '{{.DockerRootDir}}'}: where the engine keeps images. */
  String dockerRootDir();

  /** {@code docker ps --format json}: the running containers, one object a line. */
  String dockerPs();

  /**
   * The machine's listening TCP sockets: {@code ss -ltnp} (Linux), else {@code lsof -nP -iTCP
   * -sTCP:LISTEN} (macOS); "" when neither is installed.
   */
  String socketTable();

  /** Whether this JVM sees the machine's own ports (not a container's): it can probe them. */
  boolean probesPorts();
}
