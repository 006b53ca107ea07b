package dev.zerotorunning.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** The figures of one run as build/bench/results.md (a table) and results.json. */
record BenchReport(Header header, List<Figure> figures) {

  /** Where and when the run happened, and how it measured. */
  record Header(String at, String commit, int cpus, String docker, String system, String setup) {}

  String markdown() {
    StringBuilder md = new StringBuilder("# make bench\n\n");
    md.append(header.at())
        .append(" · commit ")
        .append(header.commit())
        .append(" · ")
        .append(header.cpus())
        .append(" CPUs · Docker ")
        .append(header.docker())
        .append(" · ")
        .append(header.system())
        .append('\n')
        .append(header.setup())
        .append(
            "\n\n"
                + "| Step | Ours | Ceiling (same run) | Ours / ceiling | Detail |\n"
                + "|---|---|---|---|---|\n");
    for (Figure f : figures) {
      String ceiling =
          f.ceiling().map(c -> c.what() + ": " + Figure.format(f.unit(), c.value())).orElse("-");
      String ratio =
          f.ratio().map(r -> String.format(java.util.Locale.ROOT, "%.2f×", r)).orElse("-");
      md.append("| ")
          .append(f.step())
          .append(" | ")
          .append(Figure.format(f.unit(), f.value()))
          .append(" | ")
          .append(ceiling)
          .append(" | ")
          .append(ratio)
          .append(" | ")
          .append(f.detail().isEmpty() ? "-" : f.detail())
          .append(" |\n");
    }
    return md.toString();
  }

  String json() {
    JsonObject root = new JsonObject();
    root.addProperty("at", header.at());
    root.addProperty("commit", header.commit());
    root.addProperty("cpus", header.cpus());
    JsonArray rows = new JsonArray();
    for (Figure f : figures) {
      JsonObject row = new JsonObject();
      row.addProperty("step", f.step());
      row.addProperty("unit", f.unit().label);
      row.addProperty("value", f.value());
      row.addProperty("detail", f.detail());
      f.ceiling()
          .ifPresent(
              c -> {
                JsonObject ceiling = new JsonObject();
                ceiling.addProperty("what", c.what());
                ceiling.addProperty("value", c.value());
                row.add("ceiling", ceiling);
              });
      f.ratio().ifPresent(r -> row.addProperty("ratio", r));
      rows.add(row);
    }
    root.add("rows", rows);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }
}
