package dev.zerotorunning.scenarios.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The secrets search finds a value wherever it sits in a stream, across its 1 MiB windows. */
@Tag("security")
class ByteSearchTest {
  private static boolean search(String haystack, String... needles) throws IOException {
    return ByteSearch.containsAny(
        new ByteArrayInputStream(haystack.getBytes(StandardCharsets.UTF_8)), List.of(needles));
  }

  @Test
  void findsAValueThatStraddlesTwoWindows() throws IOException {
    // The first window is 1 MiB plus the longest value less one byte (11): this value spans its
    // end.
    String padding = "x".repeat((1 << 20) + 7);
    assertThat(search(padding + "secret-value" + padding, "other-value", "secret-value")).isTrue();
    assertThat(search(padding + padding + "secret-valu", "secret-value")).isFalse();
  }

  @Test
  void comparesBytesSoNonAsciiValuesAreFound() throws IOException {
    assertThat(search("prefix pässwört suffix", "pässwört")).isTrue();
    assertThat(search("", "pässwört")).isFalse();
  }
}
