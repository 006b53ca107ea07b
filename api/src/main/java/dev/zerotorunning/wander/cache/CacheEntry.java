package dev.zerotorunning.wander.cache;

import java.util.Arrays;

/**
 * A cache entry as Redis stores it: the generation it belongs to (ASCII digits, as INCR writes the
 * generation key), a newline, then the JSON body. Reading it back compares bytes, parses nothing.
 */
final class CacheEntry {
  private static final byte SEPARATOR = '\n';

  private CacheEntry() {}

  static byte[] of(byte[] generation, byte[] body) {
    byte[] entry = new byte[generation.length + 1 + body.length];
    System.arraycopy(generation, 0, entry, 0, generation.length);
    entry[generation.length] = SEPARATOR;
    System.arraycopy(body, 0, entry, generation.length + 1, body.length);
    return entry;
  }

  /** The body when the entry belongs to {@code generation}, else null (stale or not ours). */
  static byte[] body(byte[] entry, byte[] generation) {
    int n = generation.length;
    if (entry.length <= n
        || entry[n] != SEPARATOR
        || !Arrays.equals(entry, 0, n, generation, 0, n)) {
      return null;
    }
    return Arrays.copyOfRange(entry, n + 1, entry.length);
  }
}
