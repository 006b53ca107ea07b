package dev.zerotorunning.k8s.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {

  @Test
  void composeDotenvSyntax() {
    Map<String, String> vars =
        DotEnv.parse(
            """
            # comment
            PLAIN=value   # trailing comment
            export EXPORTED=yes
            SINGLE='literal ${PLAIN} # kept'
            DOUBLE="a\\tb ${PLAIN}"
            MULTI="line1
            line2"
            REF=${PLAIN}-x
            HASH=a#b
            EMPTY=
            BARE
            """,
            k -> Optional.empty());
    assertEquals("value", vars.get("PLAIN"));
    assertEquals("yes", vars.get("EXPORTED"));
    assertEquals("literal ${PLAIN} # kept", vars.get("SINGLE"));
    assertEquals("a\tb value", vars.get("DOUBLE"));
    assertEquals("line1\nline2", vars.get("MULTI"));
    assertEquals("value-x", vars.get("REF"));
    assertEquals("a#b", vars.get("HASH"));
    assertEquals("", vars.get("EMPTY"));
    assertEquals(false, vars.containsKey("BARE"));
  }

  @Test
  void dotEnvWinsOverExampleAndTheShellWinsOverBothWhenAskedFor(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve(".env"), "A=env\n");
    Files.writeString(dir.resolve(".env.example"), "A=example\nB=example\n");
    EnvSources files = EnvSources.load(List.of(), dir, Map.of());
    assertEquals(Optional.of("env"), files.lookup("A"));
    assertEquals(Optional.of("example"), files.lookup("B"));
    assertEquals(List.of(dir.resolve(".env"), dir.resolve(".env.example")), files.loadedFiles());
    EnvSources withShell = EnvSources.load(List.of(), dir, Map.of("B", "shell"));
    assertEquals(Optional.of("shell"), withShell.lookup("B"));
  }
}
