package dev.zerotorunning.testreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The make test page, from recorded Surefire reports. */
class TestReportTest {
  private static final Path FIXTURES = Path.of("src/test/resources/testreport");

  @Test
  void aPassingRunIsOneLinePerClassAndATotal() {
    List<TestReport.Suite> suites = TestReport.read(FIXTURES.resolve("passing"), "api");
    String page = print(suites, TestReport.Outcome.PASSED);

    List<String> lines = page.lines().filter(line -> !line.isBlank()).toList();
    assertEquals(4, lines.size(), page);
    assertTrue(lines.get(0).matches("\\s+ok\\s+api\\s+HealthTest\\s+2 tests\\s+0\\.7 s"), page);
    assertTrue(
        lines
            .get(1)
            .matches("\\s+ok\\s+api\\s+DeploymentRulesTest\\s+3 tests, 1 skipped\\s+1046\\.5 s"),
        page);
    assertEquals("       skipped: disabled", lines.get(2));
    assertEquals("tests: 4 passed, 0 failed, 1 skipped", lines.get(3));
  }

  @Test
  void aSkippedAssumptionSaysWhyOncePerClass() {
    List<TestReport.Suite> suites = TestReport.read(FIXTURES.resolve("skipped"), "scenarios");
    String page = print(suites, TestReport.Outcome.PASSED);

    assertTrue(
        page.contains(
            "  ok   scenarios CorsTest    3 tests, 3 skipped    0.1 s\n"
                + "       skipped: compose project h2 is not running: live port, user and HTTP"
                + " checks skipped\n"
                + "\ntests: 0 passed, 0 failed, 3 skipped"),
        page);
  }

  @Test
  void aFailureShowsItsNameAssertionPlaceAndTheTailOfItsLog() {
    List<TestReport.Suite> suites = TestReport.read(FIXTURES.resolve("failing"), "api");
    String page = print(suites, TestReport.Outcome.FAILED);

    assertTrue(page.contains("FAIL api    BadInputTest    3 tests"), page);
    assertTrue(
        page.contains(
            "FAILED api BadInputTest.aRejectedBodyNeverCostsTheClientItsNextRequest\n"
                + "  java.io.UncheckedIOException: java.io.IOException: HTTP/1.1 header parser"
                + " received no bytes\n"
                + "  at dev.zerotorunning.wander.BadInputTest"
                + ".aRejectedBodyNeverCostsTheClientItsNextRequest(BadInputTest.java:123)\n"),
        page);
    assertTrue(
        page.contains(
            "  org.opentest4j.AssertionFailedError: expected: 400\n"
                + "    but was: 500\n"
                + "  at dev.zerotorunning.wander.BadInputTest.answersWithA4xxJsonError"),
        page);
    // The last 40 lines of the class's log: lines 12 to 50 and the final warning.
    assertTrue(
        page.contains("  | INFO  [2026-12-03 07:55:14,432] d.z.w.WanderApplication: line 12\n"));
    assertFalse(page.contains("line 11\n"), page);
    assertTrue(
        page.contains("  | WARN  [2026-12-03 07:55:15,001] d.z.w.e.UnexpectedExceptionMapper"));
    assertTrue(page.endsWith("tests: 1 passed, 2 failed, 0 skipped\n"), page);
  }

  @Test
  void noReportsMeansNoTestsRan() {
    assertEquals(List.of(), TestReport.read(FIXTURES.resolve("missing"), "api"));
    assertEquals(
        TestReport.Outcome.NO_TESTS,
        TestReport.print(
            List.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
  }

  @Test
  void theModuleIsTheFolderAboveTarget() {
    assertEquals("api", TestReport.moduleOf(Path.of("api/target/surefire-reports")));
    assertEquals("tools", TestReport.moduleOf(Path.of("/work/x/tools/target/surefire-reports")));
  }

  private static String print(List<TestReport.Suite> suites, TestReport.Outcome expected) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TestReport.Outcome outcome =
        TestReport.print(suites, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String page = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(expected, outcome, page);
    return page;
  }
}
