package dev.zerotorunning.k8s.emit;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A unified diff between the committed directory and a fresh rendering; empty when up to date. */
public final class StaleDiff {
  private StaleDiff() {}

  public static String between(
      Map<String, String> onDisk, Map<String, String> expected, String dirName) {
    StringBuilder out = new StringBuilder();
    TreeSet<String> names = new TreeSet<>(onDisk.keySet());
    names.addAll(expected.keySet());
    for (String name : names) {
      String before = onDisk.get(name);
      String after = expected.get(name);
      if (before != null && before.equals(after)) {
        continue;
      }
      List<String> a = before == null ? List.of() : lines(before);
      List<String> b = after == null ? List.of() : lines(after);
      String from = before == null ? "/dev/null" : "a/" + dirName + "/" + name;
      String to = after == null ? "/dev/null" : "b/" + dirName + "/" + name;
      List<String> diff =
          UnifiedDiffUtils.generateUnifiedDiff(from, to, a, DiffUtils.diff(a, b), 3);
      diff.forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
  }
}
