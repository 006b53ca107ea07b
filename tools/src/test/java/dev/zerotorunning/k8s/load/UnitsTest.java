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
    assertEquals(Duration.ofSeconds(10), Units.duration(10));
    assertEquals(Duration.ofMillis(1500), Units.duration("1.5s"));
    assertThrows(IllegalArgumentException.class, () -> Units.duration("10 seconds"));
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
    assertEquals("1048576", Units.memoryQuantity(1048576));
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
