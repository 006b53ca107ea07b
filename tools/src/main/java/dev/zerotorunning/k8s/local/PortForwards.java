package dev.zerotorunning.k8s.local;

import dev.zerotorunning.k8s.local.ClusterPorts.KindMapping;
import dev.zerotorunning.k8s.local.ClusterPorts.Route;
import dev.zerotorunning.stack.docker.DockerCli;
import dev.zerotorunning.stack.preflight.PortHolders;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * make port-forward K8S=1: one background {@code kubectl port-forward} per Service, left running
 * when this program exits; their pids and logs live in the local directory (K8S_LOCAL_DIR). Before
 * any starts, every host port must be free or held by one of ours (which start replaces); a taken
 * one names its holder.
 */
public final class PortForwards {
  private static final Pattern PID = Pattern.compile("\\(pid (\\d+)\\)$");

  private final Path localDir;
  private final DockerCli machine;

  /**
   * @param machine where the holders of ports are read (the socket table, Docker's containers)
   */
  public PortForwards(Path localDir, DockerCli machine) {
    this.localDir = localDir;
    this.machine = machine;
  }

  private Path pids() {
    return localDir.resolve("port-forward.pids");
  }

  /** Stops our forwards: only a pid whose process is a port-forward (an old pid may be reused). */
  public void stop() throws IOException {
    if (!Files.exists(pids())) {
      return;
    }
    for (long pid : ownPids()) {
      ProcessHandle.of(pid)
          .filter(p -> p.info().commandLine().orElse("").contains("port-forward"))
          .ifPresent(ProcessHandle::destroy);
    }
    Files.delete(pids());
  }

  private Set<Long> ownPids() throws IOException {
    if (!Files.exists(pids())) {
      return Set.of();
    }
    return Files.readAllLines(pids()).stream()
        .map(String::trim)
        .filter(s -> s.matches("\\d+"))
        .map(Long::parseLong)
        .collect(Collectors.toSet());
  }

  /** The forwards' host ports are free, or held by our own port-forward. */
  public void check(List<Route> forwards) throws IOException {
    PortHolders holders = PortHolders.of(machine);
    Set<Long> own = ownPids();
    for (Route r : forwards) {
      if (!holders.listed(r.hostPort())) {
        continue;
      }
      String holder = holders.holder(r.hostPort());
      Matcher m = PID.matcher(holder);
      if (m.find() && own.contains(Long.parseLong(m.group(1)))) {
        continue;
      }
      throw new Refusal(
          "port "
              + r.hostPort()
              + " ("
              + r.service()
              + ", forwarded like Compose publishes it) is already in use by "
              + holder
              + "; nothing was started. Fix: make down (a running Compose stack), stop that"
              + " process, or set its *_PORT in .env");
    }
  }

  /** kind publishes these when it creates the cluster; a holder would fail it deep inside kind. */
  public void checkKind(List<KindMapping> mappings) {
    PortHolders holders = PortHolders.of(machine);
    for (KindMapping m : mappings) {
      if (holders.listed(m.hostPort())) {
        throw new Refusal(
            "port "
                + m.hostPort()
                + " ("
                + m.listenAddress()
                + ", published by the kind cluster) is already in use by "
                + holders.holder(m.hostPort())
                + "; nothing was started. Fix: make down (a running Compose stack), or stop that"
                + " process, then make dev K8S=1");
      }
    }
  }

  /**
   * Replaces our forwards with new ones and returns once each listens (kubectl prints "Forwarding
   * from" then); one that exits, or does not listen within the timeout, is a refusal with its log.
   */
  public void start(ClusterSettings cluster, List<Route> forwards, Duration timeout)
      throws IOException, InterruptedException {
    stop();
    check(forwards);
    Files.createDirectories(localDir);
    Map<String, List<String>> byService = new LinkedHashMap<>();
    forwards.stream()
        .sorted((a, b) -> a.service().compareTo(b.service()))
        .forEach(
            r ->
                byService
                    .computeIfAbsent(r.service(), s -> new ArrayList<>())
                    .add(r.hostPort() + ":" + r.port()));
    Map<String, Process> started = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : byService.entrySet()) {
      List<String> args =
          new ArrayList<>(
              List.of("port-forward", "--address", "127.0.0.1", "service/" + e.getKey()));
      args.addAll(e.getValue());
      List<String> command = LocalCommands.kubectlCommand(cluster, true, args);
      File log = log(e.getKey()).toFile();
      Process p =
          new ProcessBuilder(command)
              .redirectInput(new File("/dev/null"))
              .redirectOutput(log)
              .redirectErrorStream(true)
              .start();
      Files.writeString(
          pids(), p.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      started.put(e.getKey(), p);
    }
    Instant deadline = Instant.now().plus(timeout);
    for (Map.Entry<String, Process> e : started.entrySet()) {
      Path log = log(e.getKey());
      while (!listening(log)) {
        if (!e.getValue().isAlive()) {
          throw new Refusal(
              "port-forward to "
                  + e.getKey()
                  + " stopped: "
                  + lastLine(log)
                  + ". Fix: make status K8S=1, then make port-forward K8S=1");
        }
        if (Instant.now().isAfter(deadline)) {
          throw new Refusal(
              "port-forward to "
                  + e.getKey()
                  + " is not listening after "
                  + timeout.toSeconds()
                  + "s (log: "
                  + log
                  + "). Fix: make status K8S=1");
        }
        Thread.sleep(200);
      }
    }
  }

  private Path log(String service) {
    return localDir.resolve("port-forward-" + service + ".log");
  }

  private static boolean listening(Path log) throws IOException {
    return Files.exists(log)
        && Files.readAllLines(log).stream().anyMatch(l -> l.startsWith("Forwarding from"));
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
