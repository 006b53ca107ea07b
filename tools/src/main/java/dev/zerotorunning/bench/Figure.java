package dev.zerotorunning.bench;

import java.util.Locale;
import java.util.Optional;

/**
 * One measured figure of make bench: a duration (ms) or a throughput (req/s), with what the same
 * machine did in the same run without our code in the way (the ceiling), when there is one.
 */
public record Figure(String step, Unit unit, long value, String detail, Optional<Ceiling> ceiling) {

  public enum Unit {
    MS("ms"),
    RPS("req/s");

    final String label;

    Unit(String label) {
      this.label = label;
    }
  }

  /** What the ceiling is, and its value in the figure's unit. */
  public record Ceiling(String what, long value) {}

  public static Figure of(String step, Unit unit, long value, String detail) {
    return new Figure(step, unit, value, detail, Optional.empty());
  }

  public Figure against(String what, long ceilingValue) {
    return new Figure(step, unit, value, detail, Optional.of(new Ceiling(what, ceilingValue)));
  }

  /** Ours divided by the ceiling, two decimals; empty without a (non-zero) ceiling. */
  public Optional<Double> ratio() {
    return ceiling
        .filter(c -> c.value() > 0)
        .map(c -> Math.round(100.0 * value / c.value()) / 100.0);
  }

  /** 12345 ms -> "12.3s"; 2551 req/s -> "2551 req/s". */
  public static String format(Unit unit, long value) {
    return unit == Unit.MS
        ? String.format(Locale.ROOT, "%d.%ds", value / 1000, (value % 1000) / 100)
        : value + " " + unit.label;
  }

  /** The line printed as the figure is measured. */
  public String line() {
    StringBuilder s = new StringBuilder(step).append(": ").append(format(unit, value));
    if (!detail.isEmpty()) {
      s.append(" (").append(detail).append(')');
    }
    ceiling.ifPresent(
        c -> s.append("; ceiling: ").append(c.what()).append(' ').append(format(unit, c.value())));
    return s.toString();
  }
}
