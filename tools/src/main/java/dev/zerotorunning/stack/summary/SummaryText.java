package dev.zerotorunning.stack.summary;

import dev.zerotorunning.stack.Style;
import dev.zerotorunning.stack.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The summary as make dev and make status print it. */
public final class SummaryText {
  static final List<String> HEADER =
      List.of("SERVICE", "STATE", "HEALTH", "HEALTHY AFTER", "AT", "URL / PORT");

  private SummaryText() {}

  public static String render(Summary s, Style style) {
    if (s.rows().isEmpty()) {
      return "The stack is not running. Start it with: make dev\n";
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Summary.Row r : s.rows()) {
      String ready =
          r.healthyAfter()
              .map(Durations::tenths)
              .or(() -> r.upFor().map(d -> "(up " + Durations.age(d) + ")"))
              .or(() -> r.ran().map(d -> "ran " + Durations.tenths(d)))
              .orElse("-");
      rows.add(
          List.of(
              r.container(),
              r.state(),
              r.health().orElse("-"),
              ready,
              r.at().map(d -> "+" + Durations.tenths(d)).orElse("-"),
              r.url()));
    }
    StringBuilder out = new StringBuilder(Table.format(rows, style));
    if (s.since().isEmpty() && !s.absent().isEmpty()) {
      out.append("Not running: ")
          .append(String.join(" ", s.absent()))
          .append(" (make dev starts them)\n");
    }
    out.append('\n');
    s.since()
        .ifPresent(
            since -> {
              String last =
                  s.lastHealthy()
                      .map(
                          t ->
                              " (last service healthy at +"
                                  + Durations.tenths(Duration.between(since, t))
                                  + ")")
                      .orElse("");
              String done = s.oneShotsDone() == 0 ? "" : ", " + s.oneShotsDone() + " one-shot done";
              out.append(
                      style.ok(
                          "make dev: stack ready in "
                              + Durations.tenths(Duration.between(since, s.now()))
                              + last
                              + "; "
                              + s.running()
                              + " services running"
                              + done
                              + "."))
                  .append('\n');
            });
    s.dashboard().ifPresent(url -> out.append("Dashboard: ").append(style.bold(url)).append('\n'));
    out.append(
        "Next: make logs [SVC=api|worker] | make status | make workers | make psql | make reset-db"
            + " | make down (keeps data) | make help\n");
    return out.toString();
  }
}
