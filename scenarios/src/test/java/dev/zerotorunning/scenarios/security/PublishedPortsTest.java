package dev.zerotorunning.scenarios.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing is published beyond this machine: every port on 127.0.0.1, as configured and as run. */
@Tag("security")
class PublishedPortsTest {
  private static final String LOOPBACK = "127.0.0.1";
  private final Project project = new Project();

  /** compose.yaml alone, with the developer's override, and this environment's COMPOSE_FILE. */
  static Stream<String> composeFiles() {
    Set<String> files =
        new LinkedHashSet<>(List.of("compose.yaml", "compose.yaml:compose.override.yaml"));
    String own = System.getenv("COMPOSE_FILE");
    if (own != null && !own.isBlank()) {
      files.add(own.strip());
    }
    return files.stream();
  }

  @ParameterizedTest(name = "COMPOSE_FILE={0} publishes ports on 127.0.0.1 only (every profile)")
  @MethodSource("composeFiles")
  void theComposeFilesPublishOnLoopbackOnly(String files) {
    JsonNode services =
        project.config(Map.of("COMPOSE_FILE", files, "COMPOSE_PROFILES", "*")).path("services");
    List<String> elsewhere = new ArrayList<>();
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      for (JsonNode port : service.getValue().path("ports")) {
        String hostIp = port.path("host_ip").asText("");
        if (!hostIp.equals(LOOPBACK)) {
          elsewhere.add(
              service.getKey()
                  + ":"
                  + port.path("published").asText()
                  + "->"
                  + port.path("target").asText()
                  + " on "
                  + (hostIp.isEmpty() ? "all interfaces" : hostIp));
        }
      }
    }
    assertThat(elsewhere).as("ports published beyond 127.0.0.1 by COMPOSE_FILE=" + files).isEmpty();
  }

  @Test
  void theRunningContainersPublishOnLoopbackOnly() {
    project.assumeUp();
    List<String> onLoopback = new ArrayList<>();
    List<String> elsewhere = new ArrayList<>();
    for (JsonNode container : project.inspect("container", project.containers())) {
      for (Map.Entry<String, JsonNode> port :
          container.path("NetworkSettings").path("Ports").properties()) {
        for (JsonNode binding : port.getValue()) {
          String hostIp = binding.path("HostIp").asText();
          String where = hostIp + ":" + binding.path("HostPort").asText();
          if (hostIp.equals(LOOPBACK)) {
            onLoopback.add(where);
          } else {
            elsewhere.add(container.path("Name").asText() + " " + port.getKey() + "=" + where);
          }
        }
      }
    }
    assertThat(elsewhere)
        .as("ports of project %s's running containers published beyond 127.0.0.1", project.name)
        .isEmpty();
    assertThat(onLoopback)
        .as("project %s's containers publish their ports on 127.0.0.1", project.name)
        .isNotEmpty();
  }
}
