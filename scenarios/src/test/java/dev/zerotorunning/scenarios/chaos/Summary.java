package dev.zerotorunning.scenarios.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The closing table of make chaos: one row per scenario (what was done, requests, failures,
 * recovery). Each row is also a line of its scenario's log; the table, aligned, is rewritten to
 * {@code scenarios/target/chaos-summary.txt} after every row, and make chaos (scripts/suite.sh)
 * prints it.
 */
final class Summary {
  static final String FILE = "scenarios/target/chaos-summary.txt";
  private static final List<List<String>> ROWS = new ArrayList<>();

  private Summary() {}

  static synchronized void add(
      String scenario, String whatWasDone, Object requests, String failures, String recovery) {
    List<String> row = List.of(scenario, whatWasDone, String.valueOf(requests), failures, recovery);
    ROWS.add(row);
    Chaos.say(
        "-> %s: %s; requests %s; failures %s; recovery %s"
            .formatted(scenario, whatWasDone, requests, failures, recovery));
    write(Path.of(System.getProperty("scenarios.root", ".")).resolve(FILE));
  }

  private static void write(Path file) {
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("SCENARIO", "WHAT WAS DONE", "REQUESTS", "FAILURES", "RECOVERY"));
    table.addAll(ROWS);
    int[] widths = new int[5];
    for (List<String> row : table) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : table) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(
            i == row.size() - 1
                ? row.get(i)
                : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
