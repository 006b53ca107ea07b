package dev.zerotorunning.testreport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns Surefire's reports into a page a person reads: one line per test class, a total, and for
 * each failed test its name, its assertion, where in the test it failed and the tail of that test
 * class's log. {@code make test} runs it from source ({@code java TestReport.java DIR...}), with
 * only the JDK, so it also speaks when the build of tools/ itself failed.
 */
public final class TestReport {
  static final int LOG_TAIL_LINES = 40;
  static final int MESSAGE_LINES = 12;
  private static final String ASSUMPTION_FAILED = "Assumption failed: ";

  record Failure(String testName, String kind, String message, String where) {}

  record Suite(
      String module,
      String className,
      int tests,
      int failed,
      int skipped,
      double seconds,
      List<Failure> failures,
      List<String> skipReasons,
      Path log) {
    String shortName() {
      return className.substring(className.lastIndexOf('.') + 1);
    }
  }

  private TestReport() {}

  public static void main(String[] args) {
    List<Suite> suites = new ArrayList<>();
    for (String dir : args) {
      suites.addAll(read(Path.of(dir), moduleOf(Path.of(dir))));
    }
    Outcome outcome = print(suites, System.out);
    System.exit(outcome.exitCode);
  }

  /** The Maven module of MODULE/target/surefire-reports. */
  static String moduleOf(Path reportDir) {
    Path target = reportDir.toAbsolutePath().normalize().getParent();
    return target == null || target.getParent() == null
        ? reportDir.toString()
        : target.getParent().getFileName().toString();
  }

  /** Every TEST-*.xml in a surefire-reports folder, by class name; none when there is no folder. */
  static List<Suite> read(Path reportDir, String module) {
    if (!Files.isDirectory(reportDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(reportDir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
          .sorted()
          .map(f -> readSuite(module, f))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Suite readSuite(String module, Path xml) {
    Element suite = parse(xml).getDocumentElement();
    String className = suite.getAttribute("name");
    List<Failure> failures = new ArrayList<>();
    Set<String> skipReasons = new LinkedHashSet<>();
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element problem
            && (problem.getTagName().equals("failure") || problem.getTagName().equals("error"))) {
          failures.add(failure(testCase, problem));
        }
        if (child instanceof Element skipped && skipped.getTagName().equals("skipped")) {
          skipReasons.add(skipReason(skipped));
        }
      }
    }
    return new Suite(
        module,
        className,
        intAttribute(suite, "tests"),
        intAttribute(suite, "failures") + intAttribute(suite, "errors"),
        intAttribute(suite, "skipped"),
        Double.parseDouble(suite.getAttribute("time").replace(",", "")),
        List.copyOf(failures),
        List.copyOf(skipReasons),
        xml.resolveSibling(className + "-output.txt"));
  }

  /** Why a test was skipped: its message, or an assumption's ("Assumption failed: WHY"). */
  static String skipReason(Element skipped) {
    String reason = skipped.getAttribute("message").strip();
    if (reason.isEmpty()) {
      reason = skipped.getTextContent().strip().lines().findFirst().orElse("");
    }
    int assumption = reason.indexOf(ASSUMPTION_FAILED);
    return assumption >= 0 ? reason.substring(assumption + ASSUMPTION_FAILED.length()) : reason;
  }

  private static Failure failure(Element testCase, Element problem) {
    String trace = problem.getTextContent().strip();
    String message = problem.getAttribute("message").strip();
    String type = problem.getAttribute("type");
    if (message.isEmpty()) {
      message = trace.lines().findFirst().orElse("");
    }
    String className = testCase.getAttribute("classname");
    String where =
        trace
            .lines()
            .map(String::strip)
            .filter(line -> line.startsWith("at " + className + "."))
            .findFirst()
            .orElse("");
    return new Failure(testCase.getAttribute("name"), type, message, where);
  }

  /** What the run came to, and the exit code that says it. */
  enum Outcome {
    PASSED(0),
    FAILED(1),
    NO_TESTS(2);

    final int exitCode;

    Outcome(int exitCode) {
      this.exitCode = exitCode;
    }
  }

  /** Prints the page. */
  static Outcome print(List<Suite> suites, PrintStream out) {
    int width = suites.stream().mapToInt(s -> s.shortName().length()).max().orElse(10);
    int tests = 0;
    int failed = 0;
    int skipped = 0;
    for (Suite suite : suites) {
      tests += suite.tests();
      failed += suite.failed();
      skipped += suite.skipped();
      out.printf(
          Locale.ROOT,
          "  %-4s %-6s %-" + width + "s %4d tests%s %6.1f s%n",
          suite.failed() > 0 ? "FAIL" : "ok",
          suite.module(),
          suite.shortName(),
          suite.tests(),
          suite.skipped() > 0 ? ", " + suite.skipped() + " skipped" : "",
          suite.seconds());
      suite.skipReasons().stream()
          .filter(reason -> !reason.isEmpty())
          .forEach(reason -> out.println("       skipped: " + reason));
    }
    for (Suite suite : suites) {
      for (Failure failure : suite.failures()) {
        printFailure(suite, failure, out);
      }
    }
    out.printf(
        Locale.ROOT,
        "%ntests: %d passed, %d failed, %d skipped%n",
        tests - failed - skipped,
        failed,
        skipped);
    if (failed > 0) {
      return Outcome.FAILED;
    }
    return tests == 0 ? Outcome.NO_TESTS : Outcome.PASSED;
  }

  private static void printFailure(Suite suite, Failure failure, PrintStream out) {
    out.printf("%nFAILED %s %s.%s%n", suite.module(), suite.shortName(), failure.testName());
    List<String> message =
        failure.message().lines().filter(line -> !line.isBlank()).limit(MESSAGE_LINES).toList();
    out.println("  " + failure.kind() + (message.isEmpty() ? "" : ": " + message.get(0).strip()));
    message.stream().skip(1).forEach(line -> out.println("    " + line.strip()));
    if (!failure.where().isEmpty()) {
      out.println("  " + failure.where());
    }
    List<String> tail = tail(suite.log(), LOG_TAIL_LINES);
    if (!tail.isEmpty()) {
      out.printf("  last %d lines of %s:%n", tail.size(), suite.log());
      tail.forEach(line -> out.println("  | " + line));
    }
  }

  static List<String> tail(Path log, int lines) {
    if (!Files.isRegularFile(log)) {
      return List.of();
    }
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(could not read the log: " + e.getMessage() + ")");
    }
  }

  private static int intAttribute(Element element, String name) {
    String value = element.getAttribute(name);
    return value.isEmpty() ? 0 : Integer.parseInt(value);
  }

  private static Document parse(Path xml) {
    try (InputStream in = Files.newInputStream(xml)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable test report " + xml + ": " + e.getMessage(), e);
    }
  }
}
