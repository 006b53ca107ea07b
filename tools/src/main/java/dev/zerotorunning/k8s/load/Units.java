package dev.zerotorunning.k8s.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's duration, byte-size and CPU notations, converted to Java / Kubernetes forms. */
public final class Units {
  private Units() {}

  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");
  private static final Pattern BYTES =
      Pattern.compile("(\\d+)\\s*([bkmg]?)b?", Pattern.CASE_INSENSITIVE);

  /**
   * Go duration syntax as Compose accepts it: "1m30s", "500ms", "10s"; a bare number means seconds.
   */
  public static Duration duration(Object raw) {
    String s = String.valueOf(raw).trim();
    if (s.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(s));
    }
    Matcher m = DURATION_PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      end = m.end();
      BigDecimal n = new BigDecimal(m.group(1));
      long nanosPerUnit =
          switch (m.group(2)) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            default -> 1L;
          };
      total = total.plusNanos(n.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
    }
    if (end != s.length() || s.isEmpty()) {
      throw new IllegalArgumentException("invalid duration \"" + s + "\"");
    }
    return total;
  }

  /** Whole seconds for probe fields, rounded up and at least 1 (Kubernetes' minimum). */
  public static int probeSeconds(Duration d) {
    long seconds = (d.toMillis() + 999) / 1000;
    return (int) Math.max(1, seconds);
  }

  /**
   * Compose memory ("512m", "1g", "1024k", bytes) to a Kubernetes quantity; compose units are
   * binary.
   */
  public static String memoryQuantity(Object raw) {
    String s = String.valueOf(raw).trim();
    Matcher m = BYTES.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid memory size \"" + s + "\"");
    }
    String n = m.group(1);
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> n + "Ki";
      case "m" -> n + "Mi";
      case "g" -> n + "Gi";
      default -> n;
    };
  }

  /** Compose {@code cpus: "0.5"} to "500m"; whole CPUs stay whole ("2"). */
  public static String cpuQuantity(Object raw) {
    BigDecimal cpus = new BigDecimal(String.valueOf(raw).trim());
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
