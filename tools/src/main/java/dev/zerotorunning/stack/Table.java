package dev.zerotorunning.stack;

import java.util.List;

/** Rows as {@code column -t} aligns them: two spaces between columns, the header in bold. */
public final class Table {
  private Table() {}

  public static String format(List<List<String>> rows, Style style) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    rows.forEach(
        r -> {
          for (int i = 0; i < r.size(); i++) {
            widths[i] = Math.max(widths[i], r.get(i).length());
          }
        });
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < rows.size(); n++) {
      List<String> r = rows.get(n);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(
            i == r.size() - 1 ? r.get(i) : String.format("%-" + (widths[i] + 2) + "s", r.get(i)));
      }
      String text = line.toString().stripTrailing();
      out.append(n == 0 ? style.bold(text) : text).append('\n');
    }
    return out.toString();
  }
}
