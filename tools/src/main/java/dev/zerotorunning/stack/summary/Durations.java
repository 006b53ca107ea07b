package dev.zerotorunning.stack.summary;

import java.time.Duration;

/** The summary's two duration formats. */
final class Durations {
  private Durations() {}

  /** 12345 ms -> "12.3s" (tenths, truncated). */
  static String tenths(Duration d) {
    long ms = d.toMillis();
    return (ms / 1000) + "." + (ms % 1000) / 100 + "s";
  }

  /** 75 s -> "1m15s"; under a minute "42s". */
  static String age(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
  }
}
