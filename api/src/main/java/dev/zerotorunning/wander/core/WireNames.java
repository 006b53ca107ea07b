package dev.zerotorunning.wander.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The API's enums travel and are stored as their lower-case names: {@code in_progress}. */
final class WireNames {
  private WireNames() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> Optional<E> parse(E[] values, String wireName) {
    return Arrays.stream(values).filter(v -> of(v).equals(wireName)).findFirst();
  }
}
