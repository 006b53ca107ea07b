package dev.zerotorunning.bench;

import dev.zerotorunning.bench.Figure.Unit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Throughput and latency with wrk (fixed threads, connections, seconds): the cached GET next to
 * nginx serving the same bytes and to the admin /ping (Jetty alone in the API's JVM); both again
 * with the image's own JVM flags (C2, after a warm-up); without Redis (BYPASS); the POST.
 */
final class ThroughputBench {
  /** What nginx, serving the cached answer as a static file, does on this machine in this run. */
  static final String CEILING = "nginx, the same bytes as a static file";

  private final Stack stack;
  private final Settings settings;
  private final Path scratch;
  private final Consumer<Figure> record;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** The ports and wrk's shape, from make bench's environment. */
  record Settings(
      int apiPort,
      int adminPort,
      int nginxPort,
      String nginxImage,
      int seconds,
      int connections,
      int threads,
      String jvmFile) {
    String wrkShape() {
      return "wrk -t" + threads + " -c" + connections;
    }
  }

  ThroughputBench(Stack stack, Settings settings, Path scratch, Consumer<Figure> record) {
    this.stack = stack;
    this.settings = settings;
    this.scratch = scratch;
    this.record = record;
  }

  void run() throws IOException {
    String target = "http://127.0.0.1:" + settings.apiPort() + "/api/deployments?limit=20";
    String ping = "http://127.0.0.1:" + settings.adminPort() + "/ping";
    get(target); // the first read fills the cache
    long nginx = nginxCeiling(get(target));
    String shape = " (" + settings.wrkShape() + ")";
    measure("GET /api/deployments?limit=20, cache HIT" + shape, target, Map.of(), nginx);
    // Dropwizard's admin /ping servlet: plain Jetty in the same JVM, the floor under any endpoint.
    measure("GET admin /ping: Jetty alone in the API's JVM" + shape, ping, Map.of(), nginx);
    // The image's own JVM flags (how compose.yaml alone and Kubernetes run it), after a warm-up
    // that lets C2 compile the hot path; before the writes, whose rollouts keep the cache missing.
    String files =
        System.getenv().getOrDefault("COMPOSE_FILE", "compose.yaml:compose.override.yaml");
    restartApi(
        Stack.env("BENCH_JAVA_TOOL_OPTIONS", "", "COMPOSE_FILE", files + ":" + settings.jvmFile()),
        "the image's JVM flags");
    get(target);
    wrk(target, Map.of(), settings.seconds() / 3 + 1);
    measure(
        "GET /api/deployments?limit=20, cache HIT, the image's JVM flags (C2)" + shape,
        target,
        Map.of(),
        nginx);
    measure("GET admin /ping, the image's JVM flags (C2)" + shape, ping, Map.of(), nginx);
    restartApi(Map.of(), "the dev JVM flags");
    stack.compose("stop", "redis");
    measure("GET /api/deployments, Redis stopped: BYPASS" + shape, target, Map.of(), 0);
    stack.compose("start", "redis");
    if (!stack.compose("up", "-d", "--wait", "redis").ok()) {
      System.err.println("bench: redis not healthy again");
    }
    measure(
        "POST /api/deployments" + shape,
        "http://127.0.0.1:" + settings.apiPort() + "/api/deployments",
        Map.of(
            "WRK_METHOD",
            "POST",
            "WRK_BODY",
            "{\"service\":\"worker\",\"environment\":\"staging\",\"version\":\"v1.2.3\",\"deployed_by\":\"bench@example.com\"}"),
        0);
  }

  private void measure(String step, String url, Map<String, String> env, long ceiling) {
    WrkResult result = wrk(url, env, settings.seconds());
    Figure figure = Figure.of(step, Unit.RPS, result.rps(), result.detail());
    record.accept(ceiling > 0 ? figure.against(CEILING, ceiling) : figure);
  }

  private WrkResult wrk(String url, Map<String, String> env, int seconds) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + settings.threads(),
                "-c" + settings.connections(),
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                "scripts/bench/count.lua",
                url));
    Processes.Ran ran = Processes.run(env, command);
    return WrkResult.parse(ran.output())
        .orElseThrow(() -> new BenchFailure("wrk printed no summary: " + ran.tail(5)));
  }

  /** nginx serving {@code body} as a static file, measured with the same wrk; then removed. */
  private long nginxCeiling(String body) throws IOException {
    Path root = Files.createDirectories(scratch.resolve("static"));
    Files.writeString(root.resolve("deployments.json"), body);
    Path conf =
        Files.writeString(
            scratch.resolve("nginx.conf"),
            "server { listen 8080; root /usr/share/nginx/html; default_type application/json; }\n");
    String name = System.getenv().getOrDefault("COMPOSE_PROJECT_NAME", "bench") + "-nginx-ceiling";
    Processes.Ran started =
        stack.docker(
            "run",
            "-d",
            "--rm",
            "--name",
            name,
            "-p",
            "127.0.0.1:" + settings.nginxPort() + ":8080",
            "-v",
            root + ":/usr/share/nginx/html:ro",
            "-v",
            conf + ":/etc/nginx/conf.d/default.conf:ro",
            settings.nginxImage());
    if (!started.ok()) {
      throw new BenchFailure("could not start nginx for the ceiling: " + started.tail(3));
    }
    try {
      String url = "http://127.0.0.1:" + settings.nginxPort() + "/deployments.json";
      awaitAnswer(url);
      return wrk(url, Map.of(), settings.seconds()).rps();
    } finally {
      stack.docker("rm", "-f", name);
    }
  }

  private void restartApi(Map<String, String> env, String flags) {
    if (!stack.compose(env, "up", "--detach", "--wait", "--no-deps", "api").ok()) {
      throw new BenchFailure("the api did not start with " + flags);
    }
  }

  private String get(String url) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new BenchFailure("GET " + url + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new BenchFailure("GET " + url + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted");
    }
  }

  /** Polls until nginx answers (it starts in well under a second), 10 s at most. */
  private void awaitAnswer(String url) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (true) {
      try {
        get(url);
        return;
      } catch (BenchFailure notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw notYet;
        }
        sleep(Duration.ofMillis(100));
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted");
    }
  }
}
