package dev.zerotorunning.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dev container forwards exactly the ports the stack publishes: the {@code *_PORT} defaults of
 * .env.example, each used by the compose files, each with a label in devcontainer.json.
 */
class DevcontainerPortsTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Pattern PORT_DEFAULT = Pattern.compile("(?m)^([A-Z_]+_PORT)=(\\d+)$");

  /** NAME -> port, from .env.example. */
  static Map<String, Integer> publishedPorts() throws IOException {
    Map<String, Integer> ports = new TreeMap<>();
    Matcher m = PORT_DEFAULT.matcher(Files.readString(REPO.resolve(".env.example")));
    while (m.find()) {
      ports.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return ports;
  }

  static JsonNode devcontainer() throws IOException {
    // devcontainer.json is JSON with comments (JSONC), as VS Code reads it
    JsonMapper jsonc =
        JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    return jsonc.readTree(REPO.resolve(".devcontainer/devcontainer.json").toFile());
  }

  @Test
  void forwardsEachPublishedPortWithALabel() throws IOException {
    Map<String, Integer> published = publishedPorts();
    assertTrue(published.size() >= 6, "the *_PORT defaults of .env.example: " + published);
    JsonNode config = devcontainer();
    TreeSet<Integer> forwarded = new TreeSet<>();
    config.get("forwardPorts").forEach(port -> forwarded.add(port.asInt()));
    assertEquals(new TreeSet<>(published.values()), forwarded, "forwardPorts vs .env.example");
    for (int port : forwarded) {
      JsonNode label = config.path("portsAttributes").path(Integer.toString(port)).path("label");
      assertTrue(label.isTextual() && !label.asText().isBlank(), "no label for port " + port);
    }
  }

  @Test
  void eachPortVariableIsPublishedByTheComposeFiles() throws IOException {
    String compose =
        Files.readString(REPO.resolve("compose.yaml"))
            + Files.readString(REPO.resolve("compose.override.yaml"));
    publishedPorts()
        .forEach(
            (name, port) ->
                assertTrue(
                    compose.contains("${" + name + ":-" + port + "}"),
                    name + " is not published by the compose files with the default " + port));
  }
}
