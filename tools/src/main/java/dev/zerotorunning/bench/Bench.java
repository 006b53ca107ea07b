package dev.zerotorunning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * make bench (scripts/bench/run.sh sets up the project and tears it down): the figures of this
 * machine in one run, each next to its ceiling measured in the same run, printed as they come and
 * written to build/bench/results.md and results.json. Measures, never asserts.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures make dev, make k8s and the API's throughput.")
public final class Bench implements Callable<Integer> {
  @Option(names = "--seconds", defaultValue = "15", description = "Each wrk run's length.")
  int seconds;

  @Option(names = "--connections", defaultValue = "8")
  int connections;

  @Option(names = "--threads", defaultValue = "2")
  int threads;

  @Option(names = "--api-port", required = true)
  int apiPort;

  @Option(names = "--admin-port", required = true)
  int adminPort;

  @Option(names = "--nginx-port", required = true, description = "Where nginx serves the ceiling.")
  int nginxPort;

  @Option(names = "--nginx-image", required = true)
  String nginxImage;

  @Option(
      names = "--jvm-file",
      required = true,
      description = "The Compose file that gives the API the image's JVM flags.")
  String jvmFile;

  @Option(
      names = "--jvm-note",
      required = true,
      description = "Which JVM options the API runs with, for the report.")
  String jvmNote;

  @Option(
      names = "--summary-json",
      required = true,
      description = "Where make dev writes its summary (DEV_SUMMARY_JSON).")
  Path summaryJson;

  @Option(names = "--out", defaultValue = "build/bench")
  Path out;

  @Override
  public Integer call() throws IOException {
    Stack stack =
        new Stack(
            System.getenv().getOrDefault("MAKE", "make"),
            System.getenv().getOrDefault("COMPOSE", "docker compose"));
    String docker = stack.docker("version", "-f", "{{.Server.Version}}").output().strip();
    int cpus = Runtime.getRuntime().availableProcessors();
    System.out.println("bench: " + cpus + " CPUs, " + memoryGb() + " GB RAM, Docker " + docker);
    List<Figure> figures = new ArrayList<>();
    Path scratch = Files.createTempDirectory("bench");
    java.util.function.Consumer<Figure> record =
        f -> {
          figures.add(f);
          System.out.println("bench: " + f.line());
        };
    try {
      new StartupBench(stack, summaryJson, scratch, record).run();
      ThroughputBench.Settings settings =
          new ThroughputBench.Settings(
              apiPort, adminPort, nginxPort, nginxImage, seconds, connections, threads, jvmFile);
      new ThroughputBench(stack, settings, scratch, record).run();
    } catch (BenchFailure e) {
      System.err.println("✗ bench: " + e.getMessage());
      return 1;
    }
    String commit = Processes.run(List.of("git", "rev-parse", "--short", "HEAD")).output().strip();
    String setup =
        "The dev topology (compose.yaml + compose.override.yaml), API with "
            + jvmNote
            + ", on 127.0.0.1:"
            + apiPort
            + ";\n"
            + "wrk -t"
            + threads
            + " -c"
            + connections
            + " -d"
            + seconds
            + "s on the same machine. Per-service times: container start to healthy.";
    BenchReport report =
        new BenchReport(
            new BenchReport.Header(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                commit.isEmpty() ? "?" : commit,
                cpus,
                docker,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                setup),
            figures);
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.md"), report.markdown());
    Files.writeString(out.resolve("results.json"), report.json());
    System.out.println();
    System.out.print(report.markdown());
    System.out.println();
    System.out.println(
        "✓ bench: written to " + out.resolve("results.md") + " and " + out.resolve("results.json"));
    return 0;
  }

  private static String memoryGb() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal:"))
          .map(l -> String.valueOf(Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0)))
          .findFirst()
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }
}
