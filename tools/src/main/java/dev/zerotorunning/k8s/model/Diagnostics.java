package dev.zerotorunning.k8s.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the tool noticed while loading and mapping. {@code UNSUPPORTED} entries fail {@code
 * --strict}; {@code NOTE}s explain a deliberate translation (e.g. {@code build:} is ignored because
 * the image is loaded into kind instead) and never fail.
 */
public final class Diagnostics {

  public enum Level {
    UNSUPPORTED,
    WARNING,
    NOTE
  }

  /** One finding; {@code scope} is a service name or "(project)". */
  public record Entry(Level level, String scope, String message) {
    @Override
    public String toString() {
      return level.name().toLowerCase(java.util.Locale.ROOT) + ": " + scope + ": " + message;
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  public void unsupported(String scope, String message) {
    add(Level.UNSUPPORTED, scope, message);
  }

  public void warning(String scope, String message) {
    add(Level.WARNING, scope, message);
  }

  public void note(String scope, String message) {
    add(Level.NOTE, scope, message);
  }

  private void add(Level level, String scope, String message) {
    Entry e = new Entry(level, scope, message);
    if (!entries.contains(e)) {
      entries.add(e);
    }
  }

  /** Sorted by scope, then level, then text, so reports are stable across runs. */
  public List<Entry> entries() {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparing(Entry::scope)
            .thenComparing(Entry::level)
            .thenComparing(Entry::message));
    return sorted;
  }

  public boolean hasUnsupported() {
    return entries.stream().anyMatch(e -> e.level() == Level.UNSUPPORTED);
  }

  /** The report printed to stderr and stored as report.txt in golden cases. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    for (Entry e : entries()) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }
}
