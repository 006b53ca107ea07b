package dev.zerotorunning.stack.preflight;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Version numbers as the tools print them ("v2.26.1-desktop.1", "26.1.5+dfsg1"). */
public final class Versions {
  private static final Pattern NUMERIC = Pattern.compile("(\\d+(?:\\.\\d+)*)");

  private Versions() {}

  /** "v2.26.1-desktop.1" -> "2.26.1"; "" when there is no number. */
  public static String numeric(String version) {
    Matcher m = NUMERIC.matcher(version == null ? "" : version);
    return m.find() ? m.group(1) : "";
  }

  /** Whether VERSION is at least MINIMUM, comparing the first three numbers (missing ones: 0). */
  public static boolean atLeast(String version, String minimum) {
    int[] a = parts(numeric(version));
    int[] b = parts(numeric(minimum));
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return a[i] > b[i];
      }
    }
    return true;
  }

  private static int[] parts(String numeric) {
    int[] out = new int[3];
    String[] fields = numeric.isEmpty() ? new String[0] : numeric.split("\\.");
    Arrays.setAll(out, i -> i < fields.length ? parse(fields[i]) : 0);
    return out;
  }

  private static int parse(String field) {
    try {
      return Integer.parseInt(field);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE; // too long to be anything but new
    }
  }
}
