package dev.zerotorunning.k8s.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's duration, byte-size and CPU notations, converted to Java / Kubernetes forms. */
public final class Units {
  private Units() {}

  /** One Go duration element: a decimal number ("1", "1.5", ".5", "5.") and its unit. */
  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");

  /**
   * go-units' RAMInBytes, which Compose uses for every byte size: a decimal number, an optional
   * space, then b, or k/m/g/t/p with an optional i and an optional b, in any case; all binary.
   */
  private static final Pattern BYTES =
      Pattern.compile("(\\d+\\.?\\d*|\\.\\d+) ?(b|[kmgtp]i?b?)?", Pattern.CASE_INSENSITIVE);

  /**
   * Go's time.ParseDuration, which Compose applies to every duration: "1m30s", "1.5h", "500ms",
   * "2us"; a unit is required except for "0".
   */
  public static Duration duration(Object raw) {
    String text = String.valueOf(raw).trim();
    String s = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION_PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      end = m.end();
      BigDecimal n = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
      long nanosPerUnit =
          switch (m.group(2)) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "ns" -> 1L;
            default -> 1_000L;
          };
      total = total.plusNanos(n.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
    }
    if (end != s.length() || s.isEmpty()) {
      String fix = s.matches("[\\d.]+") ? ": a unit is missing (e.g. " + s + "s)" : "";
      throw new IllegalArgumentException("invalid duration \"" + text + "\"" + fix);
    }
    return text.startsWith("-") ? total.negated() : total;
  }

  /** Whole seconds for probe fields, rounded up and at least 1 (Kubernetes' minimum). */
  public static int probeSeconds(Duration d) {
    long seconds = (d.toMillis() + 999) / 1000;
    return (int) Math.max(1, seconds);
  }

  /** A Compose byte size ("1.5G", "512mb", "1KiB", 1048576) in bytes, as go-units reads it. */
  public static long bytes(Object raw) {
    String s = String.valueOf(raw).trim();
    Matcher m = BYTES.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid byte size \"" + s + "\" (use e.g. 512m, 1.5g or 1048576)");
    }
    String digits = m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1);
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int shift = "bkmgtp".indexOf(unit.charAt(0)) * 10;
    // go-units multiplies a float64 and truncates to int64
    return new BigDecimal(digits).multiply(BigDecimal.valueOf(2).pow(shift)).longValue();
  }

  /**
   * A Compose byte size as the exact Kubernetes quantity: the largest binary unit that divides it
   * ("1.5G" -> 1536Mi), plain bytes otherwise.
   */
  public static String memoryQuantity(Object raw) {
    long bytes = bytes(raw);
    String[] suffixes = {"Pi", "Ti", "Gi", "Mi", "Ki"};
    for (int i = 0; i < suffixes.length; i++) {
      long unit = 1L << (10 * (suffixes.length - i));
      if (bytes != 0 && bytes % unit == 0) {
        return bytes / unit + suffixes[i];
      }
    }
    return Long.toString(bytes);
  }

  /** Compose {@code cpus: "0.5"} to "500m"; whole CPUs stay whole ("2"). */
  public static String cpuQuantity(Object raw) {
    BigDecimal cpus;
    try {
      cpus = new BigDecimal(String.valueOf(raw).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid number of CPUs \"" + raw + "\" (e.g. 0.5)");
    }
    BigDecimal millis = cpus.multiply(BigDecimal.valueOf(1000));
    if (millis.remainder(BigDecimal.valueOf(1000)).signum() == 0) {
      return millis.divide(BigDecimal.valueOf(1000)).toBigInteger().toString();
    }
    return millis.setScale(0, java.math.RoundingMode.CEILING).toBigInteger() + "m";
  }

  /** Go-style duration text ("1m30s", "500ms") used when printing the normalised model. */
  public static String formatDuration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    StringBuilder sb = new StringBuilder();
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    int ms = d.toMillisPart();
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (m > 0 || h > 0) {
      sb.append(m).append('m');
    }
    sb.append(s);
    if (ms > 0) {
      sb.append('.').append(String.format("%03d", ms).replaceAll("0+$", ""));
    }
    return sb.append('s').toString();
  }
}
