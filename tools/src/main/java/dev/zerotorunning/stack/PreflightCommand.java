package dev.zerotorunning.stack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.zerotorunning.devtools.ImagePlatform;
import dev.zerotorunning.stack.docker.DockerCli;
import dev.zerotorunning.stack.docker.StackReader;
import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.ServiceConfig;
import dev.zerotorunning.stack.model.Stack;
import dev.zerotorunning.stack.preflight.EnvFiles;
import dev.zerotorunning.stack.preflight.PortHolders;
import dev.zerotorunning.stack.preflight.Versions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code preflight}: make dev's checks once Docker, Compose and a JVM are known to be there
 * (scripts/preflight.sh checks that): .env against .env.example, the Engine's and Compose's
 * versions, the host ports the services publish (and who holds a taken one), free disk, the API
 * image's platform. Each problem is one line with its fix; any problem: exit 1.
 */
@Command(
    name = "preflight",
    mixinStandardHelpOptions = true,
    description = "Check versions, ports, disk and .env before make dev starts anything.")
public final class PreflightCommand implements Callable<Integer> {
  static final String MIN_ENGINE = "25";
  static final String MIN_COMPOSE = "2.20";
  private static final Pattern PORT_VARIABLE =
      Pattern.compile("^([A-Z_]*_PORT)=", Pattern.MULTILINE);

  @Mixin DockerOptions docker;
  @Mixin OutputOptions output;

  @Option(
      names = "--services",
      defaultValue = "${env:DEV_SERVICES:-}",
      description =
          "Only these services' ports (default: $DEV_SERVICES; empty: what make dev starts).")
  String services;

  @Option(names = "--env-example", defaultValue = ".env.example", description = "The template.")
  Path envExample;

  @Option(names = "--env-file", defaultValue = ".env", description = "The local settings.")
  Path envFile;

  @Option(
      names = "--jdk",
      defaultValue = "not needed",
      description =
          "The JDK make dev builds with, as scripts/preflight.sh found it (\"none\": in"
              + " MAVEN_IMAGE; \"not needed\": no platform check).")
  String jdk;

  @Option(
      names = "--env",
      hidden = true,
      paramLabel = "NAME=VALUE",
      description = "A variable's value instead of the environment's (tests).")
  Map<String, String> env = new java.util.HashMap<>(System.getenv());

  @Option(names = "--free-gb", hidden = true, description = "Free disk in GB (tests).")
  Long freeGb;

  @Spec CommandSpec spec;

  private final List<String> problems = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Style style = output.style();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> missing =
        Files.exists(envFile)
            ? EnvFiles.missing(Files.readAllLines(envExample), Files.readAllLines(envFile))
            : List.of();
    if (!missing.isEmpty()) {
      err.println(
          style.yellow("!")
              + " preflight: .env lacks "
              + String.join(" ", missing)
              + " (new in .env.example) -> copy those lines from .env.example into .env"
              + " (defaults apply meanwhile)");
    }
    DockerCli cli = docker.docker();
    // The Docker CLI calls are independent and mostly wait on the daemon: all at once, each on a
    // thread of its own (make dev waits for the slowest instead of their sum, 0.4 s here).
    CompletableFuture<String> versionJson = inBackground(cli::version);
    CompletableFuture<String> composeVersion = inBackground(cli::composeVersion);
    CompletableFuture<Stack> stackRead = inBackground(() -> StackReader.read(cli));
    CompletableFuture<String> rootDir = inBackground(cli::dockerRootDir);
    JsonObject server =
        JsonParser.parseString(result(versionJson)).getAsJsonObject().getAsJsonObject("Server");
    String engine = Versions.numeric(server.get("Version").getAsString());
    if (!Versions.atLeast(engine, MIN_ENGINE)) {
      problem(
          "Docker Engine "
              + engine
              + " is too old (health checks use start_interval: Engine >= "
              + MIN_ENGINE
              + ")",
          "update Docker Engine or Docker Desktop");
    }
    String compose = Versions.numeric(result(composeVersion));
    if (!Versions.atLeast(compose, MIN_COMPOSE)) {
      problem(
          "Docker Compose " + compose + " is older than " + MIN_COMPOSE,
          "update the Compose plugin (apt-get install docker-compose-plugin) or Docker Desktop");
    }
    List<String> checked = checkPorts(cli, stackRead);
    long free = checkDisk(result(rootDir));
    String platformNote = "";
    if (!jdk.equals("not needed")) {
      String override = env.getOrDefault("PLATFORM", "");
      try {
        String arch = server.has("Arch") ? server.get("Arch").getAsString() : "";
        platformNote =
            ", API image for "
                + ImagePlatform.choose(override, arch)
                + (override.isBlank()
                    ? " (the engine's architecture; PLATFORM= overrides)"
                    : " (PLATFORM)");
      } catch (IllegalArgumentException e) {
        problem(e.getMessage(), "see the README's Quickstart (macOS, Windows/WSL2, Linux arm64)");
      }
    }
    problems.forEach(p -> err.println(style.fail(p)));
    if (!problems.isEmpty()) {
      err.println(
          style.fail("preflight: " + problems.size() + " problem(s), nothing was started."));
      err.flush();
      return 1;
    }
    out.println(
        style.ok(
            "preflight: Docker Engine "
                + engine
                + ", Compose "
                + compose
                + ", JDK "
                + jdk
                + ", ports "
                + (checked.isEmpty() ? "none" : String.join(" ", checked))
                + " free, "
                + free
                + " GB disk free"
                + platformNote));
    out.flush();
    err.flush();
    return 0;
  }

  private void problem(String what, String fix) {
    problems.add(what + " -> " + fix);
  }

  /** Each host port make dev's services publish is free, or this project's running stack's. */
  private List<String> checkPorts(DockerCli cli, CompletableFuture<Stack> stackRead)
      throws IOException {
    Stack stack;
    try {
      stack = result(stackRead);
    } catch (RuntimeException e) {
      problem(
          "cannot read the ports the stack publishes: " + e.getMessage(),
          "fix what it names (docker compose config shows the configuration)");
      return List.of();
    }
    List<String> only =
        Arrays.stream(services.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    List<String> wanted = only.isEmpty() ? stack.started(docker.activeProfiles()) : only;
    Set<String> ours = new HashSet<>();
    stack.containers().stream()
        .filter(Container::running)
        .forEach(c -> c.ports().values().forEach(ours::addAll));
    List<String> variables = new ArrayList<>();
    Matcher m = PORT_VARIABLE.matcher(Files.readString(envExample));
    while (m.find()) {
      variables.add(m.group(1));
    }
    PortHolders holders = null;
    List<String> checked = new ArrayList<>();
    for (ServiceConfig s : stack.services()) {
      if (!wanted.contains(s.name())) {
        continue;
      }
      for (String port : s.published()) {
        checked.add(port);
        if (ours.contains(port)) {
          continue;
        }
        if (holders == null) {
          holders = PortHolders.of(cli);
        }
        int number = Integer.parseInt(port);
        if (holders.listed(number) || (cli.probesPorts() && !bindable(number))) {
          String variable =
              variables.stream().filter(v -> port.equals(env.get(v))).findFirst().orElse("");
          problem(
              "port " + port + " (" + s.name() + ") is already in use by " + holders.holder(number),
              "stop it, or set "
                  + (variable.isEmpty() ? "its *_PORT variable" : variable)
                  + " to a free port in .env (or: "
                  + (variable.isEmpty() ? "WEB_PORT" : variable)
                  + "=<port> make dev)");
        }
      }
    }
    return checked;
  }

  /** Whether Docker could publish the port: nothing listens on it, on any address. */
  static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Free GB where Docker keeps its images (when this JVM sees that directory), else here. */
  private long checkDisk(String root) throws IOException {
    long min = Long.parseLong(env.getOrDefault("MIN_FREE_DISK_GB", "3").trim());
    Path dir = Path.of("").toAbsolutePath();
    if (!root.isEmpty() && Files.isDirectory(Path.of(root))) {
      dir = Path.of(root);
    }
    long free = freeGb != null ? freeGb : Files.getFileStore(dir).getUsableSpace() >> 30;
    if (free < min) {
      problem(
          "only "
              + free
              + " GB free on "
              + dir
              + " (need "
              + min
              + " GB for images and the database)",
          "free space: docker system prune, or make clean in other projects");
    }
    return free;
  }

  private static <T> CompletableFuture<T> inBackground(Supplier<T> call) {
    return CompletableFuture.supplyAsync(
        call,
        task -> {
          Thread thread = new Thread(task, "preflight");
          thread.setDaemon(true);
          thread.start();
        });
  }

  /** The call's result, or the exception it threw (as if it had run here). */
  private static <T> T result(CompletableFuture<T> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
