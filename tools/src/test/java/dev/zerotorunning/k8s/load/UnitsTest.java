package dev.zerotorunning.k8s.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void durations() {
    assertEquals(Duration.ofSeconds(90), Units.duration("1m30s"));
    assertEquals(Duration.ofMillis(500), Units.duration("500ms"));
    assertEquals(Duration.ofMillis(1500), Units.duration("1.5s"));
    assertEquals(Duration.ofMinutes(90), Units.duration("1.5h"));
    assertEquals(Duration.ofMillis(500), Units.duration(".5s"));
    assertEquals(Duration.ofSeconds(5), Units.duration("5.s"));
    assertEquals(Duration.ofNanos(2_003_000), Units.duration("2ms3us"));
    assertEquals(Duration.ofNanos(7_000), Units.duration("7\u00b5s"));
    assertEquals(Duration.ofNanos(7_000), Units.duration("7\u03bcs"));
    assertEquals(Duration.ofSeconds(3723), Units.duration("1h2m3s"));
    assertEquals(Duration.ZERO, Units.duration("0"));
    // Go's time.ParseDuration, which Compose uses, wants a unit on anything but 0
    IllegalArgumentException bare =
        assertThrows(IllegalArgumentException.class, () -> Units.duration(10));
    assertEquals("invalid duration \"10\": a unit is missing (e.g. 10s)", bare.getMessage());
    for (String bad : List.of("10 seconds", "", "1S", "s", "1m 30s", "1d", ".s")) {
      assertThrows(IllegalArgumentException.class, () -> Units.duration(bad), bad);
    }
    assertEquals("1m30s", Units.formatDuration(Duration.ofSeconds(90)));
    assertEquals("1m0s", Units.formatDuration(Duration.ofSeconds(60)));
    assertEquals("500ms", Units.formatDuration(Duration.ofMillis(500)));
    assertEquals(1, Units.probeSeconds(Duration.ofMillis(200)));
    assertEquals(2, Units.probeSeconds(Duration.ofMillis(1500)));
  }

  @Test
  void quantities() {
    assertEquals("512Mi", Units.memoryQuantity("512M"));
    assertEquals("1Gi", Units.memoryQuantity("1gb"));
    assertEquals("1Mi", Units.memoryQuantity(1048576));
    assertEquals("1000", Units.memoryQuantity(1000));
    // go-units RAMInBytes, as Compose reads mem_limit, shm_size and deploy.resources: binary units,
    // fractions, any case, k/m/g/t/p with or without i and b, one optional space
    assertEquals("1536Mi", Units.memoryQuantity("1.5G"));
    assertEquals("1536Mi", Units.memoryQuantity("1.5gib"));
    assertEquals("512Ki", Units.memoryQuantity(".5M"));
    assertEquals("64Mi", Units.memoryQuantity("64 MB"));
    assertEquals("2Ti", Units.memoryQuantity("2t"));
    assertEquals("100", Units.memoryQuantity("100b"));
    assertEquals(1288490188L, Units.bytes("1.2g"), "truncated like go-units' int64()");
    for (String bad : List.of("", "12x", "1 gigabyte", "1gbb", "-1m", "1bi")) {
      assertThrows(IllegalArgumentException.class, () -> Units.bytes(bad), bad);
    }
    assertEquals(1L, Units.bytes("1.5"), "a bare fraction is bytes, truncated");
    assertEquals("500m", Units.cpuQuantity("0.5"));
    assertEquals("2", Units.cpuQuantity("2.0"));
    assertEquals("1500m", Units.cpuQuantity(1.5));
  }

  @Test
  void shellWordsSplitLikeCompose() {
    assertEquals(
        List.of("sh", "-c", "echo \"hi\" $HOME", "x y"),
        ShellWords.split("sh -c 'echo \"hi\" $HOME' \"x y\""));
    assertEquals(List.of("a\\b", "c d"), ShellWords.split("'a\\b' c\\ d"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'open"));
  }
}
