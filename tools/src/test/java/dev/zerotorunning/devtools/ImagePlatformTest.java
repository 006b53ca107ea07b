package dev.zerotorunning.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePlatformTest {

  @ParameterizedTest(name = "engine {0} -> {1}")
  @CsvSource({
    "amd64, linux/amd64", // Linux x86-64, Docker Desktop on Intel Macs and Windows
    "x86_64, linux/amd64",
    "arm64, linux/arm64", // Docker Desktop on Apple Silicon, Linux arm64
    "aarch64, linux/arm64"
  })
  void theEngineArchitectureDecides(String engine, String platform) {
    assertEquals(platform, ImagePlatform.choose("", engine));
  }

  @Test
  void platformOverridesTheEngine() {
    assertEquals("linux/amd64", ImagePlatform.choose("linux/amd64", "arm64"));
    assertEquals("linux/arm64", ImagePlatform.choose("arm64", "amd64"));
  }

  @Test
  void anUnknownArchitectureOrPlatformIsOneLineWithTheFix() {
    IllegalArgumentException engine =
        assertThrows(IllegalArgumentException.class, () -> ImagePlatform.choose("", "s390x"));
    assertTrue(engine.getMessage().contains("Fix: set PLATFORM=linux/amd64"), engine.getMessage());
    IllegalArgumentException override =
        assertThrows(
            IllegalArgumentException.class, () -> ImagePlatform.choose("linux/ppc64le", "amd64"));
    assertTrue(
        override.getMessage().startsWith("PLATFORM=linux/ppc64le is not"), override.getMessage());
  }
}
