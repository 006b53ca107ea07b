package dev.zerotorunning.k8s.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SortedYamlTest {

  @Test
  void sortedKeysQuotedYaml11LookalikesAndLiteralBlocks() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", "plain");
    m.put("a", List.of("no", "on", "8080", "1.5", "0x1F", "12:30", "~", "", "yes please"));
    m.put("m", "line1\nline2\n");
    assertEquals(
        """
        a:
        - "no"
        - "on"
        - "8080"
        - "1.5"
        - "0x1F"
        - "12:30"
        - "~"
        - ""
        - yes please
        m: |
          line1
          line2
        z: plain
        """,
        SortedYaml.dump(m));
  }
}
