package dev.zerotorunning.scenarios.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Whether a stream of any size holds one of a few strings (as their UTF-8 bytes), like grep -F. */
final class ByteSearch {
  private static final int CHUNK = 1 << 20;

  private ByteSearch() {}

  static boolean containsAny(InputStream in, List<String> needles) throws IOException {
    // Bytes as ISO-8859-1 characters: one char per byte, so String.contains compares bytes.
    List<String> patterns =
        needles.stream()
            .map(n -> new String(n.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
            .toList();
    int overlap = patterns.stream().mapToInt(String::length).max().orElse(1) - 1;
    byte[] buffer = new byte[CHUNK + overlap];
    int carried = 0;
    for (int read = in.readNBytes(buffer, 0, buffer.length);
        read > 0;
        read = in.readNBytes(buffer, carried, buffer.length - carried)) {
      int length = carried + read;
      String window = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
      if (patterns.stream().anyMatch(window::contains)) {
        return true;
      }
      // A match may straddle two chunks: the next window starts with this one's tail.
      carried = Math.min(overlap, length);
      System.arraycopy(buffer, length - carried, buffer, 0, carried);
    }
    return false;
  }
}
