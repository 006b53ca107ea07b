package dev.zerotorunning.stack.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions as Docker, Compose and the JDKs print them; .env files as people edit them. */
class VersionsTest {
  @Test
  void numericPartOfWhatTheToolsPrint() {
    assertEquals("2.26.1", Versions.numeric("v2.26.1-desktop.1"));
    assertEquals("26.1.5", Versions.numeric("26.1.5+dfsg1"));
    assertEquals("", Versions.numeric("dev"));
  }

  @Test
  void comparesNumberByNumberNotAsText() {
    assertTrue(Versions.atLeast("2.26.1", "2.20"));
    assertTrue(Versions.atLeast("2.20", "2.20.0"));
    assertTrue(Versions.atLeast("25.0.0", "25"));
    assertFalse(Versions.atLeast("2.3.10", "2.20"));
    assertFalse(Versions.atLeast("24.0.9", "25"));
    assertFalse(Versions.atLeast("", "25"));
  }

  @Test
  void envKeysWithExportAndWithoutCommentsOrValuesThatLookLikeAssignments() {
    assertEquals(
        List.of("B", "D"),
        EnvFiles.missing(
            List.of("A=1", "B=2", "# C=3", "export D=4"),
            List.of("export A=1", "# B=2", "X=B=2", "C=3")));
  }
}
