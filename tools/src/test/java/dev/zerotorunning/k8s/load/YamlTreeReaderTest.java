package dev.zerotorunning.k8s.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

  @Test
  void mergeKeysExplicitKeysWinThenEarlierSources() {
    Object tree =
        YamlTreeReader.read(
            """
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            one: {<<: *a, x: 0}
            many: {<<: [*a, *b], w: 3}
            nested:
              <<: *a
              deeper: {<<: *b}
            """,
            "t");
    Map<?, ?> m = (Map<?, ?>) tree;
    assertEquals(Map.of("x", 0, "y", 1), m.get("one"));
    assertEquals(Map.of("x", 1, "y", 1, "z", 2, "w", 3), m.get("many"));
    assertEquals(Map.of("x", 1, "y", 1, "deeper", Map.of("y", 2, "z", 2)), m.get("nested"));
  }

  @Test
  void yaml12CoreSchemaKeepsYesAndNoAsStringsLikeCompose() {
    assertEquals(
        Map.of("restart", "no", "flag", "yes", "on", true),
        YamlTreeReader.read("restart: no\nflag: yes\non: true\n", "t"));
  }

  @Test
  void duplicateKeysAndBadMergesAreErrors() {
    assertThrows(RuntimeException.class, () -> YamlTreeReader.read("a: 1\na: 2\n", "t"));
    assertThrows(
        IllegalArgumentException.class, () -> YamlTreeReader.read("x: {<<: [1, 2]}\n", "t"));
    assertEquals(Map.of("k", List.of(1, 2)), YamlTreeReader.read("k: [1, 2]\n", "t"));
  }
}
