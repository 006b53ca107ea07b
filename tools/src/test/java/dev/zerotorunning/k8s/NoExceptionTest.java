package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the input, the CLI answers in plain lines: never an exception class name, never a stack
 * frame. Runs every command over every golden fixture, then over inputs built to break things.
 */
class NoExceptionTest {
  /** A Java class name ending in Exception or Error, or a stack frame line. */
  private static final Pattern LEAK =
      Pattern.compile("\\b\\w+(Exception|Error)\\b|(?m)^\\s*at [\\w.$]+\\(|Caused by:");

  @TempDir Path tmp;

  private static String run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      PrintStream both = new PrintStream(all, true, StandardCharsets.UTF_8);
      System.setOut(both);
      System.setErr(both);
      int exit = K8sGen.execute(args);
      return exit + "\n" + all.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static void assertNoLeak(String output, String what) {
    assertFalse(LEAK.matcher(output).find(), what + " leaked an exception:\n" + output);
  }

  @TestFactory
  Stream<DynamicTest> everyCommandOnEveryFixture() throws Exception {
    List<Path> composeFiles;
    try (Stream<Path> walk = Files.walk(GoldenTest.ROOT)) {
      composeFiles =
          walk.filter(p -> p.getFileName().toString().matches(".*compose.*\\.ya?ml"))
              .filter(p -> !p.toString().contains("/expected/"))
              .sorted()
              .toList();
    }
    assertTrue(composeFiles.size() >= 10, "fixtures missing");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : composeFiles) {
      tests.add(
          DynamicTest.dynamicTest(
              GoldenTest.ROOT.relativize(f).toString(),
              () -> {
                Path out = Files.createTempDirectory(tmp, "out");
                for (List<String> args :
                    List.of(
                        List.of("generate", "--out", out.toString()),
                        List.of("check", "--out", out.toString()),
                        List.of("model"),
                        List.of("secrets", "--out", out.toString()))) {
                  List<String> all = new ArrayList<>(args);
                  all.addAll(List.of("--compose-file", f.toString()));
                  assertNoLeak(run(all.toArray(String[]::new)), String.join(" ", all));
                }
              }));
    }
    return tests.stream();
  }

  @Test
  void hostileInputsGetOneLineEach() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Path socket = project.resolve("agent.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.createDirectories(project.resolve("envdir"));
      List<String> inputs =
          List.of(
              "services: {a: {image: x, volumes: ['./agent.sock:/run/agent.sock']}}",
              "services: {a: {image: x, env_file: [envdir]}}",
              "services: {a: {image: x, volumes: ['./envdir:/d', '/dev/null:/n']}}",
              "services: [1, 2]",
              "services: {a: 5}",
              "services: {a: {image: x, ports: [{target: x}]}}",
              "services: {a: {image: [x]}}",
              "services: {a: {image: x, healthcheck: {test: [CMD, x], interval: 5}}}",
              "services: {a: {image: x, mem_limit: lots, cpus: many}}",
              "services: {a: {image: x}}\nvolumes: {v: {external: maybe}}",
              "services:\n  a:\n   image: x\n  b: : :\n",
              "- just\n- a list\n",
              "",
              "\u0000\u0001binary",
              "services: {a: {image: x, depends_on: {b: {condition: service_healthy}}}}",
              "x: &a [*a]\nservices: {a: {image: x}}");
      for (String yaml : inputs) {
        Path compose = project.resolve("compose.yaml");
        Files.writeString(compose, yaml);
        String output = run("generate", "--compose-file", compose.toString(), "--out", tmp + "/o");
        assertNoLeak(output, yaml);
        String message = output.substring(output.indexOf('\n') + 1);
        assertTrue(
            message.lines().allMatch(l -> l.startsWith("k8s-gen: ") || l.contains(": ")),
            yaml + " -> " + message);
      }
      String sock =
          run(
              "generate",
              "--compose-file",
              write(project, "services: {a: {image: x, volumes: ['./agent.sock:/s']}}"),
              "--out",
              tmp + "/o");
      assertTrue(sock.contains("a socket, pipe or device, not a file"), sock);
    }
    assertEquals(
        "2", run("generate", "--compose-file", project.toString()).lines().findFirst().orElse(""));
  }

  private static String write(Path dir, String yaml) throws Exception {
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(compose, yaml);
    return compose.toString();
  }
}
