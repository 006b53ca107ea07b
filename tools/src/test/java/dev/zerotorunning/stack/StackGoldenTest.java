package dev.zerotorunning.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Each folder under src/test/resources/stack is a case: Docker's JSON answers recorded on a real
 * stack (some edited into the states that broke before), the tool's arguments ({@code args}, one a
 * line; file names are the case's files) and what it prints ({@code expected.txt}). Run with {@code
 * -Dgolden.update=true} to rewrite expected.txt after an intended change.
 */
class StackGoldenTest {
  static final Path ROOT = Path.of("src/test/resources/stack");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void printsWhatWasRecorded(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    List<String> args = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("args"))) {
      if (!line.isBlank()) {
        args.add(Files.exists(dir.resolve(line)) ? dir.resolve(line).toString() : line);
      }
    }
    args.add("--docker-json");
    args.add(dir.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new StackTool())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    String actual = out + err.toString() + (code == 0 ? "" : "exit " + code + "\n");
    Path expected = dir.resolve("expected.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual);
    }
    assertTrue(Files.exists(expected), name + ": no expected.txt (run with -Dgolden.update=true)");
    assertEquals(Files.readString(expected), actual, name + ": output differs from expected.txt");
  }
}
