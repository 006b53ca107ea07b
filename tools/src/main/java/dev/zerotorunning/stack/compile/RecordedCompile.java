package dev.zerotorunning.stack.compile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * make dev's fast path without Maven: a module compiled with the javac options and processed
 * resources that Maven's last compile of it used, recorded in a directory ({@code target/make/
 * api-javac}): {@code javac.options} (one argument per line), {@code resources/} (what Maven's
 * resources plugin put beside the classes, filtered files included) and {@code key} (what the
 * recording is valid for: the build inputs, the POMs and the resources among them). The compiler
 * runs in this JVM (javax.tools, as maven-compiler-plugin runs it) over every source of the module,
 * into a fresh {@code classes/}.
 */
public final class RecordedCompile {
  static final String OPTIONS = "javac.options";
  static final String RESOURCES = "resources";
  static final String KEY = "key";
  static final String CLASSES = "classes";

  private final Path dir;

  public RecordedCompile(Path dir) {
    this.dir = dir;
  }

  /** Where {@link #compile} writes the classes and resources. */
  public Path classes() {
    return dir.resolve(CLASSES);
  }

  /**
   * Records Maven's last compile from its debug log, for {@code key}: its options and the resources
   * of its output directory. False when the log shows no compile (Maven found the classes current).
   */
  public boolean record(List<String> mavenDebugLog, String key) throws IOException {
    Optional<MavenCompilerOptions> found = MavenCompilerOptions.fromDebugLog(mavenDebugLog);
    Files.deleteIfExists(dir.resolve(KEY)); // invalid until complete
    if (found.isEmpty()) {
      return false;
    }
    MavenCompilerOptions maven = found.get();
    Files.createDirectories(dir);
    Files.write(dir.resolve(OPTIONS), maven.options());
    Path resources = dir.resolve(RESOURCES);
    delete(resources);
    copyTree(maven.mavenOutput(), resources, file -> !file.toString().endsWith(".class"));
    Files.writeString(dir.resolve(KEY), key + "\n");
    return true;
  }

  /**
   * The recorded options when they were recorded for {@code key} and every class path entry they
   * name still exists (a cleaned Maven repository needs Maven again); else empty.
   */
  public Optional<List<String>> options(String key) throws IOException {
    Path keyFile = dir.resolve(KEY);
    if (!Files.isRegularFile(keyFile) || !Files.readString(keyFile).strip().equals(key.strip())) {
      return Optional.empty();
    }
    List<String> options = Files.readAllLines(dir.resolve(OPTIONS));
    if (!MavenCompilerOptions.classPath(options).stream().allMatch(Files::exists)) {
      return Optional.empty();
    }
    return Optional.of(options);
  }

  /**
   * Compiles every source of the recorded source roots with {@code options} into a fresh {@link
   * #classes()}, then adds the recorded resources. The compiler's messages go to {@code err}, as
   * javac prints them. True when it compiled.
   */
  public boolean compile(List<String> options, PrintWriter err) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("this Java runtime has no compiler (a JRE, not a JDK)");
    }
    List<String> args = new ArrayList<>(options);
    MavenCompilerOptions.generatedSources(options).ifPresent(RecordedCompile::createDirectories);
    Path out = classes();
    delete(out);
    Files.createDirectories(out);
    args.add("-d");
    args.add(out.toString());
    List<Path> sources = new ArrayList<>();
    for (Path root : MavenCompilerOptions.sourceRoots(options)) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files
              .filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
              .sorted()
              .forEach(sources::add);
        }
      }
    }
    // As maven-compiler-plugin runs it in its own JVM: javax.tools, the messages as javac's.
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      compiled =
          javac
              .getTask(err, files, null, args, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
    }
    err.flush();
    if (!compiled) {
      return false;
    }
    copyTree(dir.resolve(RESOURCES), out, file -> true);
    return true;
  }

  private static void createDirectories(Path path) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to, Predicate<Path> which) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).filter(which).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void delete(Path tree) throws IOException {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
