package dev.zerotorunning.stack.compile;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The javac options maven-compiler-plugin used, read from Maven's debug output ({@code mvn -X}: the
 * line after "Command line options:"), so that make dev's fast path compiles exactly as Maven does
 * without starting Maven. The options keep everything but the output directory ({@code -d}), which
 * the caller chooses, and that directory's entry on the class path: classes of a deleted source
 * must not satisfy the compiler there.
 */
public record MavenCompilerOptions(List<String> options, Path mavenOutput) {
  static final String MARKER = "[DEBUG] Command line options:";
  static final String DEBUG = "[DEBUG] ";

  /** javac's options that take the next word as their value. */
  private static final Set<String> WITH_VALUE =
      Set.of(
          "-d",
          "-s",
          "-h",
          "-classpath",
          "-cp",
          "--class-path",
          "-sourcepath",
          "--source-path",
          "-encoding",
          "--release",
          "-source",
          "--source",
          "-target",
          "--target",
          "-processorpath",
          "--processor-path",
          "-processor",
          "--module-path",
          "-p",
          "--module-source-path",
          "--processor-module-path",
          "--upgrade-module-path",
          "--system",
          "--add-modules",
          "--limit-modules",
          "--add-exports",
          "--add-reads",
          "--patch-module",
          "--module",
          "-m",
          "-bootclasspath",
          "--boot-class-path",
          "-extdirs",
          "-endorseddirs",
          "-Xmaxerrs",
          "-Xmaxwarns",
          "--default-module-for-created-files");

  private static final Set<String> CLASS_PATH = Set.of("-classpath", "-cp", "--class-path");
  private static final Set<String> SOURCE_PATH = Set.of("-sourcepath", "--source-path");

  /** The last compile's options in a Maven debug log; empty when Maven compiled nothing. */
  public static Optional<MavenCompilerOptions> fromDebugLog(List<String> log) {
    String line = null;
    for (int i = 0; i + 1 < log.size(); i++) {
      if (log.get(i).trim().equals(MARKER) && log.get(i + 1).startsWith(DEBUG)) {
        line = log.get(i + 1).substring(DEBUG.length()).trim();
      }
    }
    return line == null ? Optional.empty() : Optional.of(of(words(line)));
  }

  /** The options without {@code -d DIR}, and DIR off the class path. */
  static MavenCompilerOptions of(List<String> words) {
    Path output = null;
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals("-d")) {
        output = Path.of(words.get(i + 1));
      }
    }
    if (output == null) {
      throw new IllegalArgumentException("Maven's javac options name no output directory (-d)");
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("-d")) {
        i++;
      } else if (CLASS_PATH.contains(word) && i + 1 < words.size()) {
        kept.add(word);
        kept.add(withoutEntry(words.get(++i), output));
      } else {
        kept.add(word);
      }
    }
    return new MavenCompilerOptions(List.copyOf(kept), output);
  }

  /** The source roots of {@code -sourcepath} in {@code options} (Maven lists every root there). */
  static List<Path> sourceRoots(List<String> options) {
    return value(options, SOURCE_PATH)
        .map(MavenCompilerOptions::paths)
        .orElseThrow(() -> new IllegalStateException("the javac options name no -sourcepath"));
  }

  /** The class path entries in {@code options}. */
  static List<Path> classPath(List<String> options) {
    return value(options, CLASS_PATH).map(MavenCompilerOptions::paths).orElse(List.of());
  }

  /** Where annotation processors write sources ({@code -s}); javac wants it to exist. */
  static Optional<Path> generatedSources(List<String> options) {
    return value(options, Set.of("-s")).map(Path::of);
  }

  private static Optional<String> value(List<String> options, Set<String> names) {
    for (int i = 0; i + 1 < options.size(); i++) {
      if (names.contains(options.get(i))) {
        return Optional.of(options.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * Maven joins the words with single spaces and does not quote: a word that is not an option and
   * follows an option's value continues that value (a path with a space in it).
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    boolean valueExpected = false;
    boolean lastWasValue = false;
    for (String word : line.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!word.startsWith("-") && lastWasValue && !valueExpected) {
        words.set(words.size() - 1, words.get(words.size() - 1) + " " + word);
        continue;
      }
      words.add(word);
      lastWasValue = valueExpected;
      valueExpected = !valueExpected && WITH_VALUE.contains(word);
    }
    return words;
  }

  private static String withoutEntry(String path, Path entry) {
    List<String> kept = new ArrayList<>();
    for (String p : path.split(File.pathSeparator)) {
      if (!p.isEmpty() && !Path.of(p).equals(entry)) {
        kept.add(p);
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  private static List<Path> paths(String path) {
    List<Path> paths = new ArrayList<>();
    for (String p : path.split(File.pathSeparator)) {
      if (!p.isEmpty()) {
        paths.add(Path.of(p));
      }
    }
    return paths;
  }
}
