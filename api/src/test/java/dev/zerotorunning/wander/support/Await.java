package dev.zerotorunning.wander.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something the system does on its own; the deadline is a safety net, not a measure. */
public final class Await {
  private Await() {}

  public static void until(String what, Duration deadline, BooleanSupplier condition) {
    until(what, deadline, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }

  /** The first non-null value {@code probe} gives. */
  public static <T> T until(String what, Duration deadline, Supplier<T> probe) {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "gave up after " + deadline.toSeconds() + "s waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }
}
