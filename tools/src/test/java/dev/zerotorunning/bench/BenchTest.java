package dev.zerotorunning.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zerotorunning.bench.Figure.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's parsing and report on recorded inputs: wrk's output, make dev's summary and lines.
 */
class BenchTest {
  private static final Path RESOURCES = Path.of("src/test/resources");

  @Test
  void wrkSummaryLineIsReadFromWrksWholeOutput() throws IOException {
    WrkResult wrk =
        WrkResult.parse(Files.readString(RESOURCES.resolve("bench/wrk-static-file.txt")))
            .orElseThrow();
    assertEquals(1759, wrk.rps());
    assertEquals(3520, wrk.count("requests"));
    assertEquals(
        "p50 0.7 ms, p99 25.7 ms; 3520 requests, 0 not 2xx; X-Cache HIT 0 MISS 0 BYPASS 0",
        wrk.detail());
  }

  @Test
  void wrkWithoutSummaryLineIsNoResult() {
    assertEquals(
        Optional.empty(), WrkResult.parse("unable to connect to 127.0.0.1:1 Connection refused\n"));
  }

  @Test
  void devDetailNamesEachContainersTimeAndTheBuilds() throws IOException {
    String summary = Files.readString(RESOURCES.resolve("stack/json-for-scripts/expected.txt"));
    String detail =
        DevDetail.of(summary, Files.readString(RESOURCES.resolve("bench/make-dev-cold.txt")));
    assertTrue(
        detail.startsWith(
            "healthy after start: db 1.1s, redis 1.0s, migrate ran 2.3s, api 7.9s, worker 7.0s, web"
                + " 25.3s"),
        detail);
    assertTrue(detail.endsWith("; api:bench built in 41.2s; web image 18.9s"), detail);
    assertEquals(7915, DevDetail.apiHealthyMs(summary).orElseThrow());
    String fastPath =
        "build: the API's code changed: compiling (the image holds the dependencies, unchanged)"
            + " ...\n✓ build: API classes compiled in 1.4s (javac with Maven's recorded options);"
            + " api and worker restart with them\n✓ build: web image ready in 0.2s\n";
    assertTrue(
        DevDetail.of(summary, fastPath).endsWith("; API compiled in 1.4s by javac; web image 0.2s"),
        DevDetail.of(summary, fastPath));
  }

  @Test
  void ratioIsOursOverTheCeilingAndAbsentWithoutOne() {
    Figure hit = Figure.of("GET", Unit.RPS, 2551, "").against("nginx", 8503);
    assertEquals(Optional.of(0.3), hit.ratio());
    assertEquals(Optional.empty(), Figure.of("POST", Unit.RPS, 230, "").ratio());
    assertEquals(Optional.empty(), Figure.of("x", Unit.MS, 1, "").against("broken", 0).ratio());
    assertEquals(
        "make down: 12.3s; ceiling: plain 9.0s",
        Figure.of("make down", Unit.MS, 12345, "").against("plain", 9050).line());
  }

  @Test
  void reportHasOneRowAFigureInMarkdownAndJson() {
    BenchReport report =
        new BenchReport(
            new BenchReport.Header(
                "2026-12-04T09:00:00Z", "abc1234", 2, "26.1.4", "Linux 6.1", "setup line"),
            List.of(
                Figure.of("make dev, warm", Unit.MS, 15900, "healthy after start: api 5.6s")
                    .against("docker compose up --wait", 10800),
                Figure.of("POST /api/deployments", Unit.RPS, 230, "")));
    String md = report.markdown();
    assertTrue(
        md.contains(
            "2026-12-04T09:00:00Z · commit abc1234 · 2 CPUs · Docker 26.1.4 · Linux 6.1\n"
                + "setup line\n"),
        md);
    assertTrue(
        md.contains(
            "| make dev, warm | 15.9s | docker compose up --wait: 10.8s | 1.47× | healthy after"
                + " start: api 5.6s |\n"),
        md);
    assertTrue(md.contains("| POST /api/deployments | 230 req/s | - | - | - |\n"), md);
    String json = report.json();
    assertTrue(json.contains("\"ratio\": 1.47"), json);
    assertTrue(json.contains("\"what\": \"docker compose up --wait\""), json);
    assertEquals(
        1, json.split("\"ratio\"").length - 1, "only the figure with a ceiling has a ratio");
  }

  @Test
  void harmlessEditChangesLineNumbersAndUndoKeepsOtherEdits(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("AppVersion.java");
    Files.writeString(file, "package x;\n\npublic final class AppVersion {\n  int a;\n}\n");
    HarmlessEdit edit = HarmlessEdit.apply(file);
    List<String> edited = Files.readAllLines(file);
    assertEquals(HarmlessEdit.LINE, edited.get(3));
    Files.writeString(
        file, Files.readString(file).replace("int a;", "int b;")); // someone else's edit
    edit.undo();
    assertEquals(
        "package x;\n\npublic final class AppVersion {\n  int b;\n}\n", Files.readString(file));
    edit.undo(); // idempotent
    assertFalse(Files.readString(file).contains(HarmlessEdit.LINE));
  }
}
