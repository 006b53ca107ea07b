package dev.zerotorunning.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class IdeRunConfigsTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final String MAIN = "dev.example.Main";

  @TempDir Path tmp;

  /** Settings as make dev prints them, with a password no XML or env file may mangle. */
  static Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATABASE_URL", "jdbc:postgresql://localhost:15432/wander?ssl=false&x=1");
    env.put("DATABASE_PASSWORD", "p<a>s\"s&w'o=rd");
    env.put("REDIS_URI", "redis://localhost:6379/0");
    return env;
  }

  @Test
  void intellijRunsTheMainClassWithTheArgumentsAndEveryValueIntact() throws Exception {
    IdeRunConfigs.write(tmp, MAIN, env());
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(tmp.resolve(IdeRunConfigs.INTELLIJ_FILE).toFile());
    Element config = (Element) doc.getElementsByTagName("configuration").item(0);
    assertEquals("Application", config.getAttribute("type"));
    assertEquals(IdeRunConfigs.NAME, config.getAttribute("name"));
    Map<String, String> options = new LinkedHashMap<>();
    NodeList list = config.getElementsByTagName("option");
    for (int i = 0; i < list.getLength(); i++) {
      Element o = (Element) list.item(i);
      options.put(o.getAttribute("name"), o.getAttribute("value"));
    }
    assertEquals(MAIN, options.get("MAIN_CLASS_NAME"));
    assertEquals("server api/config.yml", options.get("PROGRAM_PARAMETERS"));
    assertEquals("$PROJECT_DIR$", options.get("WORKING_DIRECTORY"));
    assertEquals(
        "api", ((Element) config.getElementsByTagName("module").item(0)).getAttribute("name"));
    Map<String, String> envs = new LinkedHashMap<>();
    NodeList envList = config.getElementsByTagName("env");
    for (int i = 0; i < envList.getLength(); i++) {
      Element e = (Element) envList.item(i);
      envs.put(e.getAttribute("name"), e.getAttribute("value"));
    }
    assertEquals(env(), envs);
  }

  @Test
  void theEnvFileHoldsTheSameSettingsLineByLine() throws Exception {
    IdeRunConfigs.write(tmp, MAIN, env());
    assertEquals(env(), settingsIn(tmp.resolve(IdeRunConfigs.ENV_FILE)));
  }

  /**
   * make dev PROFILE=deps on ports of its own: the host JVM reaches what the containers publish.
   */
  @Test
  void theHostSettingsFollowThePublishedPortsAndDefaultToCompose() {
    Map<String, String> settings =
        IdeRunConfigs.hostSettings(
            Map.of("API_PORT", "18080", "DB_PORT", "15432", "POSTGRES_PASSWORD", "secret"));
    assertEquals(
        Map.of(
            "HTTP_PORT", "18080",
            "ADMIN_PORT", "8081",
            "DATABASE_URL", "jdbc:postgresql://localhost:15432/wander",
            "DATABASE_USER", "wander",
            "DATABASE_PASSWORD", "secret",
            "REDIS_URI", "redis://localhost:6379/0"),
        settings);
  }

  @Test
  void theInstructionsNameTheMainClassTheSettingsAndTheFilesWritten() throws Exception {
    List<Path> files = IdeRunConfigs.write(tmp, MAIN, env());
    String text = IdeRunConfigs.instructions(MAIN, IdeRunConfigs.hostSettings(Map.of()), files);
    assertTrue(text.contains("main class   " + MAIN + "   (module api, JDK 17+)"), text);
    assertTrue(text.contains("environment  HTTP_PORT=8080 ADMIN_PORT=8081 DATABASE_URL="), text);
    assertTrue(
        text.contains("http://localhost:8080/api/health (admin: http://localhost:8081)"), text);
    assertTrue(text.contains(tmp.resolve(IdeRunConfigs.ENV_FILE).toString()), text);
  }

  static Map<String, String> settingsIn(Path envFile) throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : Files.readAllLines(envFile)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    return settings;
  }

  /** The committed VS Code configuration runs what IntelliJ's does, from the env file written. */
  @Test
  @SuppressWarnings("unchecked")
  void vsCodeLaunchesTheSameApi() throws Exception {
    Map<String, Object> launch =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(REPO.resolve(".vscode/launch.json")));
    Map<String, Object> api =
        ((List<Map<String, Object>>) launch.get("configurations"))
            .stream()
                .filter(c -> IdeRunConfigs.NAME.equals(c.get("name")))
                .findFirst()
                .orElseThrow();
    assertEquals(apiMainClass(), api.get("mainClass"));
    assertEquals(IdeRunConfigs.MODULE, api.get("projectName"));
    assertEquals(IdeRunConfigs.PROGRAM_ARGUMENTS, api.get("args"));
    assertEquals("${workspaceFolder}", api.get("cwd"));
    assertEquals("${workspaceFolder}/.run/" + IdeRunConfigs.ENV_FILE, api.get("envFile"));
  }

  static String apiMainClass() throws Exception {
    return IdeRunConfigs.apiMainClass(REPO);
  }
}
