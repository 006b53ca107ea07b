package dev.zerotorunning.devtools;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code make watch}: runs a command each time files under the given paths change. Saves come in
 * bursts (an IDE writes several files, a formatter rewrites them), so the command runs once per
 * burst, after {@code --quiet-ms} without a change; never two at once, and a change made while it
 * runs starts one more run after it. Java's WatchService: inotify on Linux, polling elsewhere. Run
 * from source with the JDK only: {@code java SourceWatcher.java [--quiet-ms N] PATH... -- COMMAND}.
 */
public final class SourceWatcher {
  static final long DEFAULT_QUIET_MS = 300;

  private SourceWatcher() {}

  /** The changes of one burst, and when it is due; the clock is the caller's (tests give one). */
  static final class Burst {
    private final long quietMs;
    private final Set<Path> changed = new TreeSet<>();
    private long lastChangeMs;

    Burst(long quietMs) {
      this.quietMs = quietMs;
    }

    void changed(Path path, long nowMs) {
      changed.add(path);
      lastChangeMs = nowMs;
    }

    /** How long to wait for more changes before the burst is due; empty while there is none. */
    Optional<Long> waitMs(long nowMs) {
      return changed.isEmpty()
          ? Optional.empty()
          : Optional.of(Math.max(0, lastChangeMs + quietMs - nowMs));
    }

    /** The burst's files once it has been quiet long enough (the next burst starts empty). */
    Optional<Set<Path>> due(long nowMs) {
      if (changed.isEmpty() || nowMs - lastChangeMs < quietMs) {
        return Optional.empty();
      }
      Set<Path> files = new TreeSet<>(changed);
      changed.clear();
      return Optional.of(files);
    }
  }

  /** Editors' and IDEs' scratch files, which are not sources. */
  static boolean isSource(Path file) {
    String name = file.getFileName().toString();
    return !(name.startsWith(".")
        || name.endsWith("~")
        || name.endsWith(".swp")
        || name.endsWith(".tmp")
        || name.contains("___jb_"));
  }

  /** The directories watched, each registered with its own key (WatchService is not recursive). */
  static final class Tree {
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();

    /** Directories under a directory root: any file in them counts. */
    private final Set<Path> wholeDirs = new TreeSet<>();

    /** File roots: only they count in their directory. */
    private final Set<Path> files = new TreeSet<>();

    Tree(WatchService service, List<Path> roots) {
      this.service = service;
      for (Path root : roots) {
        Path absolute = root.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
          register(absolute);
        } else {
          files.add(absolute);
          watch(absolute.getParent());
        }
      }
    }

    /** Watches the directories under root; returns the files already there. */
    private List<Path> register(Path root) {
      List<Path> existing = new ArrayList<>();
      try (Stream<Path> tree = Files.walk(root)) {
        tree.forEach(
            path -> {
              if (Files.isDirectory(path)) {
                wholeDirs.add(path);
                watch(path);
              } else {
                existing.add(path);
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return existing;
    }

    private void watch(Path dir) {
      try {
        dirs.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The source files a key's events touched; watches the directories created among them. */
    List<Path> changes(WatchKey key) {
      Path dir = dirs.get(key);
      List<Path> changed = new ArrayList<>();
      for (WatchEvent<?> event : key.pollEvents()) {
        if (dir == null || event.kind() == OVERFLOW) {
          continue;
        }
        Path path = dir.resolve((Path) event.context());
        if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
          // Files written into it before it was watched count too (a package created with a class).
          register(path).stream().filter(SourceWatcher::isSource).forEach(changed::add);
        } else if (isSource(path) && (wholeDirs.contains(dir) || files.contains(path))) {
          changed.add(path);
        }
      }
      if (!key.reset()) {
        dirs.remove(key);
      }
      return changed;
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    long quietMs = DEFAULT_QUIET_MS;
    List<String> argv = new ArrayList<>(Arrays.asList(args));
    if (argv.size() >= 2 && argv.get(0).equals("--quiet-ms")) {
      quietMs = Long.parseLong(argv.get(1));
      argv = argv.subList(2, argv.size());
    }
    int split = argv.indexOf("--");
    if (split < 1 || split == argv.size() - 1) {
      System.err.println("usage: java SourceWatcher.java [--quiet-ms N] PATH... -- COMMAND...");
      System.exit(2);
    }
    List<Path> roots = argv.subList(0, split).stream().map(Path::of).toList();
    List<String> command = argv.subList(split + 1, argv.size());
    try (WatchService service = roots.get(0).getFileSystem().newWatchService()) {
      Tree tree = new Tree(service, roots);
      Burst burst = new Burst(quietMs);
      System.out.printf(
          "watch: %s; on each save: %s (Ctrl-C stops)%n",
          String.join(" ", argv.subList(0, split)), String.join(" ", command));
      while (true) {
        Optional<Long> wait = burst.waitMs(System.currentTimeMillis());
        WatchKey key =
            wait.isPresent() ? service.poll(wait.get(), TimeUnit.MILLISECONDS) : service.take();
        if (key != null) {
          long now = System.currentTimeMillis();
          tree.changes(key).forEach(path -> burst.changed(path, now));
        }
        Optional<Set<Path>> due = burst.due(System.currentTimeMillis());
        if (due.isPresent()) {
          run(command, due.get());
        }
      }
    }
  }

  private static void run(List<String> command, Set<Path> files) throws InterruptedException {
    Path first = files.iterator().next();
    System.out.printf(
        "watch: %s%s changed%n",
        first.getFileName(), files.size() > 1 ? " and " + (files.size() - 1) + " more" : "");
    try {
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      System.out.println(
          exit == 0 ? "watch: done; waiting for the next save" : "watch: failed; fix and save");
    } catch (IOException e) {
      System.out.println("watch: could not run " + command.get(0) + ": " + e.getMessage());
    }
  }
}
