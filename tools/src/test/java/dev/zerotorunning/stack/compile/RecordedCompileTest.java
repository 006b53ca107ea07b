package dev.zerotorunning.stack.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make dev's fast path compile: Maven's options read from a recorded {@code mvn -X -pl api compile}
 * (this repository's), and a recording of a small module compiled again without Maven.
 */
class RecordedCompileTest {
  static final Path RECORDED = Path.of("src/test/resources/compile/api-compile-debug.txt");

  @TempDir Path tmp;

  @Test
  void readsTheOptionsMavenPassedToJavacWithoutItsOutputDirectory() throws IOException {
    MavenCompilerOptions maven =
        MavenCompilerOptions.fromDebugLog(Files.readAllLines(RECORDED)).orElseThrow();

    assertEquals(Path.of("/work/wt-h3/api/target/classes"), maven.mavenOutput());
    List<String> options = maven.options();
    assertFalse(options.contains("-d"), options.toString());
    List<String> flags = options.subList(options.indexOf("-g"), options.size());
    assertEquals(
        List.of(
            "-g",
            "-parameters",
            "-Werror",
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-Xlint:all",
            "-Xlint:-processing",
            "-XDuseUnsharedTable=true"),
        flags);
    List<Path> classPath = MavenCompilerOptions.classPath(options);
    assertEquals(124, classPath.size(), "the jars, without api/target/classes");
    assertFalse(classPath.contains(maven.mavenOutput()));
    assertEquals(
        Path.of(
            "/root/.m2/repository/io/dropwizard/dropwizard-core/5.0.1/dropwizard-core-5.0.1.jar"),
        classPath.get(0));
    assertEquals(
        List.of(
            Path.of("/work/wt-h3/api/src/main/java"),
            Path.of("/work/wt-h3/api/target/generated-sources/annotations")),
        MavenCompilerOptions.sourceRoots(options));
    assertEquals(
        Optional.of(Path.of("/work/wt-h3/api/target/generated-sources/annotations")),
        MavenCompilerOptions.generatedSources(options));
  }

  @Test
  void aLogWhereMavenCompiledNothingHasNoOptions() {
    List<String> upToDate =
        List.of(
            "[INFO] --- compiler:3.14.0:compile (default-compile) @ api ---",
            "[INFO] Nothing to compile - all classes are up to date.",
            "[INFO] BUILD SUCCESS");
    assertEquals(Optional.empty(), MavenCompilerOptions.fromDebugLog(upToDate));
  }

  @Test
  void aPathWithSpacesStaysOneValue() {
    List<String> words =
        MavenCompilerOptions.words(
            "-d /home/a user/api/target/classes -classpath /home/a"
                + " user/api/target/classes:/m2/x.jar -sourcepath /home/a user/api/src/main/java:"
                + " -g --release 17");
    assertEquals(
        List.of(
            "-d",
            "/home/a user/api/target/classes",
            "-classpath",
            "/home/a user/api/target/classes:/m2/x.jar",
            "-sourcepath",
            "/home/a user/api/src/main/java:",
            "-g",
            "--release",
            "17"),
        words);
    MavenCompilerOptions maven = MavenCompilerOptions.of(words);
    assertEquals(List.of(Path.of("/m2/x.jar")), MavenCompilerOptions.classPath(maven.options()));
  }

  @Test
  void compilesTheRecordedModuleAgainWithMavensOptionsAndResources() throws Exception {
    Module module = new Module(tmp.resolve("a module"));
    module.source(
        "demo/Greeting.java",
        "package demo;\n"
            + "public class Greeting {\n"
            + "  public static String hello(String name) { return \"hello \" + name; }\n"
            + "}\n");
    RecordedCompile compile = new RecordedCompile(tmp.resolve("recorded"));
    assertTrue(compile.record(module.mavenLog(), "key 1"));

    module.source(
        "demo/Greeting.java",
        "package demo;\n"
            + "public class Greeting {\n"
            + "  public static String hello(String name) { return \"hi \" + name; }\n"
            + "}\n");
    Files.delete(module.output.resolve("app.properties")); // mvn clean: the recording keeps it
    StringWriter err = new StringWriter();
    assertTrue(
        compile.compile(compile.options("key 1").orElseThrow(), new PrintWriter(err)),
        err.toString());

    Path classes = compile.classes();
    assertEquals("version=1.2.3", Files.readString(classes.resolve("app.properties")).strip());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      Class<?> greeting = loader.loadClass("demo.Greeting");
      assertEquals("hi you", greeting.getMethod("hello", String.class).invoke(null, "you"));
      assertEquals(
          "name",
          greeting.getMethod("hello", String.class).getParameters()[0].getName(),
          "-parameters, as Maven passed it");
    }
  }

  @Test
  void classesOfADeletedSourceInMavensOutputDoNotCount() throws IOException {
    Module module = new Module(tmp.resolve("module"));
    RecordedCompile compile = recorded(module, "package demo;\npublic class Gone {}\n");
    StringWriter err = new StringWriter();
    assertTrue(compile.compile(compile.options("k").orElseThrow(), new PrintWriter(err)));
    Files.createDirectories(module.output.resolve("demo"));
    Files.copy(
        compile.classes().resolve("demo/Gone.class"), module.output.resolve("demo/Gone.class"));

    Files.delete(module.root.resolve("src/main/java/demo/Gone.java"));
    module.source("demo/Uses.java", "package demo;\npublic class Uses { Gone gone; }\n");
    String messages = failure(compile);
    assertTrue(messages.contains("cannot find symbol"), messages);
  }

  @Test
  void compilerErrorsAndWarningsUnderWerrorFailWithJavacsMessages() throws IOException {
    Module module = new Module(tmp.resolve("module"));
    RecordedCompile compile = recorded(module, "package demo;\npublic class Ok {}\n");

    module.source("demo/Ok.java", "package demo;\npublic class Ok { int x = \"no\"; }\n");
    String error = failure(compile);
    assertTrue(error.contains("Ok.java:2: error: incompatible types"), error);

    module.source(
        "demo/Ok.java",
        "package demo;\n"
            + "public class Ok { java.util.List raw = new java.util.ArrayList<String>(); }\n");
    String warned = failure(compile);
    assertTrue(warned.contains("[rawtypes]"), warned);
  }

  @Test
  void anotherKeyOrAMissingJarMeansNothingRecorded() throws IOException {
    assertEquals(
        Optional.empty(),
        new RecordedCompile(tmp.resolve("recorded")).options("k"),
        "nothing recorded yet");
    Module module = new Module(tmp.resolve("module"));
    RecordedCompile compile = recorded(module, "package demo;\npublic class Ok {}\n");
    assertTrue(compile.options("k").isPresent());
    assertEquals(Optional.empty(), compile.options("another POM"));

    Files.delete(module.jar);
    assertEquals(Optional.empty(), compile.options("k"), "the jar is gone: Maven again");
  }

  /** A module with one source, its Maven compile recorded for key "k". */
  private RecordedCompile recorded(Module module, String source) throws IOException {
    module.source(
        "demo/" + source.replaceAll("(?s).*public class (\\w+).*", "$1") + ".java", source);
    RecordedCompile compile = new RecordedCompile(tmp.resolve("recorded"));
    assertTrue(compile.record(module.mavenLog(), "k"));
    return compile;
  }

  /** javac's messages when the recorded compile failed; fails the test when it compiled. */
  private static String failure(RecordedCompile compile) throws IOException {
    StringWriter err = new StringWriter();
    assertFalse(compile.compile(compile.options("k").orElseThrow(), new PrintWriter(err)));
    return err.toString();
  }

  /** A module as Maven leaves it after a compile: sources, a jar dependency, its output. */
  static final class Module {
    final Path root;
    final Path output;
    final Path jar;

    Module(Path root) throws IOException {
      this.root = root;
      this.output = Files.createDirectories(root.resolve("target/classes"));
      this.jar = root.resolve("dependency.jar");
      try (JarOutputStream empty = new JarOutputStream(Files.newOutputStream(jar))) {
        empty.putNextEntry(new ZipEntry("META-INF/"));
      }
      Files.writeString(output.resolve("app.properties"), "version=1.2.3\n"); // filtered by Maven
    }

    void source(String path, String text) throws IOException {
      Path file = root.resolve("src/main/java").resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    }

    /** What mvn -X prints for this module, with the recorded log's flags. */
    List<String> mavenLog() throws IOException {
      String flags =
          "-g -parameters -Werror --release 17 -encoding UTF-8 -Xlint:all -Xlint:-processing"
              + " -XDuseUnsharedTable=true";
      String line =
          String.join(
              " ",
              "-d",
              output.toString(),
              "-classpath",
              output + File.pathSeparator + jar,
              "-sourcepath",
              root.resolve("src/main/java") + File.pathSeparator,
              "-s",
              root.resolve("target/generated-sources/annotations").toString(),
              flags);
      return List.of(
          "[INFO] Recompiling the module because of changed source code.",
          "[DEBUG] Command line options:",
          "[DEBUG] " + line,
          "[INFO] Compiling 1 source file with javac [debug parameters release 17] to"
              + " target/classes");
    }
  }
}
