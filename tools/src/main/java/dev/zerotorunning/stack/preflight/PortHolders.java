package dev.zerotorunning.stack.preflight;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.zerotorunning.stack.docker.DockerCli;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who listens on each TCP port, from the machine's socket table ({@code ss -ltnp} on Linux, {@code
 * lsof -nP -iTCP -sTCP:LISTEN} on macOS) and the containers that publish ports ({@code docker ps
 * --format json}): "python3 (pid 42)", "container NAME" for Docker's port proxy, else "another
 * process".
 */
public final class PortHolders {
  private static final Pattern SS_PROCESS = Pattern.compile("users:\\(\\(\"([^\"]+)\",pid=(\\d+)");
  private static final Pattern PUBLISHED = Pattern.compile(":(\\d+)(?:-(\\d+))?->");

  /** Each listening port and its process ("" when the table does not say). */
  private final Map<Integer, String> listeners;

  /** Each port a container publishes and the container's name. */
  private final Map<Integer, String> containers;

  public PortHolders(String socketTable, String dockerPs) {
    this.listeners = listeners(socketTable);
    this.containers = containers(dockerPs);
  }

  /** This machine's holders as Docker's CLI and the socket table (ss, else lsof) tell them. */
  public static PortHolders of(DockerCli cli) {
    return new PortHolders(cli.socketTable(), cli.dockerPs());
  }

  /** Whether the socket table lists the port as listening. */
  public boolean listed(int port) {
    return listeners.containsKey(port);
  }

  /** The holder of a port known to be taken. */
  public String holder(int port) {
    String process = listeners.getOrDefault(port, "");
    boolean proxy = process.isEmpty() || process.startsWith("docker-proxy ");
    if (proxy && containers.containsKey(port)) {
      return "container " + containers.get(port);
    }
    return process.isEmpty() ? "another process" : process;
  }

  static Map<Integer, String> listeners(String table) {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (String line : table.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 5 && f[0].equals("LISTEN")) { // ss: State Recv-Q Send-Q Local Peer Process
        port(f[3])
            .ifPresent(
                p -> {
                  Matcher m = SS_PROCESS.matcher(line);
                  out.merge(p, m.find() ? m.group(1) + " (pid " + m.group(2) + ")" : "", longer());
                });
      } else if (f.length >= 10 && line.endsWith("(LISTEN)")) { // lsof: COMMAND PID ... NAME
        port(f[f.length - 2]).ifPresent(p -> out.merge(p, f[0] + " (pid " + f[1] + ")", longer()));
      }
    }
    return out;
  }

  private static java.util.function.BinaryOperator<String> longer() {
    return (a, b) -> a.length() >= b.length() ? a : b;
  }

  /** "127.0.0.1:8080", "[::]:8080", "*:8080" -> 8080. */
  private static Optional<Integer> port(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return Optional.of(Integer.parseInt(address.substring(colon + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Map<Integer, String> containers(String dockerPs) {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (String line : dockerPs.lines().filter(l -> !l.isBlank()).toList()) {
      JsonElement e = JsonParser.parseString(line);
      if (!e.isJsonObject()) {
        continue;
      }
      JsonObject c = e.getAsJsonObject();
      String name = c.has("Names") ? c.get("Names").getAsString() : "";
      Matcher m = PUBLISHED.matcher(c.has("Ports") ? c.get("Ports").getAsString() : "");
      while (m.find()) {
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        for (int p = first; p <= last; p++) {
          out.putIfAbsent(p, name);
        }
      }
    }
    return out;
  }
}
