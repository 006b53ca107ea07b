package dev.zerotorunning.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zerotorunning.devtools.SourceWatcher.Burst;
import dev.zerotorunning.devtools.SourceWatcher.Tree;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** make watch: one run per burst of saves, and which files count. */
class SourceWatcherTest {
  @TempDir Path dir;

  @Test
  void aBurstIsDueOnceItHasBeenQuietLongEnoughAndRunsOnce() {
    Burst burst = new Burst(300);
    assertEquals(Optional.empty(), burst.waitMs(0));
    burst.changed(Path.of("A.java"), 1_000);
    burst.changed(Path.of("B.java"), 1_200);
    burst.changed(Path.of("A.java"), 1_250);
    assertEquals(Optional.empty(), burst.due(1_400));
    assertEquals(Optional.of(150L), burst.waitMs(1_400));
    Set<Path> both = new TreeSet<>(List.of(Path.of("A.java"), Path.of("B.java")));
    assertEquals(Optional.of(both), burst.due(1_550));
    assertEquals(Optional.empty(), burst.due(5_000));
    assertEquals(Optional.empty(), burst.waitMs(5_000));
  }

  @Test
  void editorScratchFilesAreNotSources() {
    assertTrue(SourceWatcher.isSource(Path.of("src/Foo.java")));
    assertTrue(SourceWatcher.isSource(Path.of("db/migration/V9__x.sql")));
    for (String scratch : List.of(".Foo.java.swp", "Foo.java~", "Foo.java___jb_tmp___", "x.tmp")) {
      assertFalse(SourceWatcher.isSource(Path.of(scratch)), scratch);
    }
  }

  @Test
  void seesChangesInTheTreeIncludingNewDirectoriesAndOnlyTheNamedFileBesideIt() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/main/java"));
    Path config = Files.writeString(dir.resolve("config.yml"), "a: 1\n");
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    try (WatchService service = FileSystems.getDefault().newWatchService()) {
      Tree tree = new Tree(service, List.of(dir.resolve("src"), config));

      Files.writeString(dir.resolve("pom.xml"), "<project></project>"); // beside config, not named
      Files.writeString(config, "a: 2\n");
      assertFalse(changesUntil(service, tree, config).contains(dir.resolve("pom.xml")));

      Path source = Files.writeString(src.resolve("App.java"), "class App {}");
      assertTrue(changesUntil(service, tree, source).contains(source));

      // a new package with its class: seen whether it is written before or after the directory
      // is watched
      Path pkg = Files.createDirectories(src.resolve("pkg"));
      Path inNew = Files.writeString(pkg.resolve("New.java"), "class New {}");
      assertTrue(changesUntil(service, tree, inNew).contains(inNew));
      Path next = Files.writeString(pkg.resolve("Next.java"), "class Next {}");
      assertTrue(changesUntil(service, tree, next).contains(next));
    }
  }

  /** The changes reported until {@code expected} is among them. */
  private static List<Path> changesUntil(WatchService service, Tree tree, Path expected)
      throws InterruptedException, IOException {
    List<Path> seen = new ArrayList<>();
    while (true) {
      WatchKey key = service.poll(60, TimeUnit.SECONDS);
      assertNotNull(key, "a change event (seen so far: " + seen + ")");
      seen.addAll(tree.changes(key));
      if (seen.contains(expected)) {
        return seen;
      }
    }
  }
}
