package dev.zerotorunning.scenarios.chaos;

import static org.awaitility.Awaitility.await;

import dev.zerotorunning.scenarios.support.Command;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The dashboard's health banner watched in a real browser: scripts/chaos/banner.mjs (node,
 * Chromium, web/node_modules/playwright-core) prints READY, then SHOWN and CLEARED with the epoch
 * milliseconds at every change. Without those tools the banner is not watched, and says why.
 */
final class BannerWatch implements AutoCloseable {
  private final Chaos chaos;
  private Command.Background watcher;
  private List<String> lines = List.of();
  private String why = "";

  BannerWatch(Chaos chaos) {
    this.chaos = chaos;
  }

  void start() {
    Path root = chaos.stack.root();
    String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    if (!onPath("node")
        || !Files.isExecutable(Path.of(chromium))
        || !Files.isDirectory(root.resolve("web/node_modules/playwright-core"))) {
      why =
          "no node, Chromium or web/node_modules/playwright-core: the dashboard banner is not"
              + " watched";
      Chaos.say("! " + why);
      return;
    }
    watcher =
        Command.start(
            root,
            Map.of(),
            List.of("node", "scripts/chaos/banner.mjs", chaos.stack.web().toString()));
    try {
      await("the banner watcher ready")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> watcher.lines().stream().anyMatch(l -> l.matches("^(READY|ERROR).*")));
    } catch (ConditionTimeoutException notYet) {
      // told below
    }
    if (watcher.lines().stream().noneMatch(l -> l.startsWith("READY"))) {
      List<String> out = watcher.stop();
      why =
          "banner watcher: "
              + String.join(" | ", out.subList(Math.max(0, out.size() - 2), out.size()));
      Chaos.say("! " + why);
      close();
      watcher = null;
    }
  }

  /** Stops watching; {@code since}: the outage the banner must show. */
  void stop(long since) {
    if (watcher == null) {
      return;
    }
    lines = watcher.stop();
    long shown = lines.stream().filter(l -> l.startsWith("SHOWN")).count();
    Chaos.say(
        "dashboard banner: shown %d time(s) over both outages (the crash outage can fall between"
                .formatted(shown)
            + " two 5 s polls); after the docker kill: "
            + shownAfter(since)
                .map(t -> "shown " + Chaos.secs(t - since) + " after it")
                .orElse("never shown")
            + ", "
            + clearedAfterShown(since)
                .map(t -> "cleared " + Chaos.secs(t - since) + " after it")
                .orElse("not cleared"));
  }

  boolean watched() {
    return why.isEmpty();
  }

  String why() {
    return why;
  }

  List<String> lines() {
    return lines;
  }

  /** When the banner was first shown after {@code since} (epoch ms). */
  Optional<Long> shownAfter(long since) {
    return firstAfter("SHOWN", since);
  }

  /** When it was cleared after being shown after {@code since}. */
  Optional<Long> clearedAfterShown(long since) {
    return shownAfter(since).flatMap(shown -> firstAfter("CLEARED", shown));
  }

  private Optional<Long> firstAfter(String event, long since) {
    return lines.stream()
        .map(l -> l.split(" "))
        .filter(f -> f.length >= 2 && f[0].equals(event) && f[1].matches("[0-9]+"))
        .map(f -> Long.parseLong(f[1]))
        .filter(t -> t > since)
        .findFirst();
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
  }
}
