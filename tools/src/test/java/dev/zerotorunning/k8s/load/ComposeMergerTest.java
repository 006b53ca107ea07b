package dev.zerotorunning.k8s.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Compose spec's merge rules, one per assertion, on YAML as users write it. */
class ComposeMergerTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> app(String base, String override) {
    Map<String, Object> merged =
        ComposeMerger.merge(
            Raw.map(YamlTreeReader.read(base, "a"), "a"),
            Raw.map(YamlTreeReader.read(override, "b"), "b"));
    return (Map<String, Object>) ((Map<String, Object>) merged.get("services")).get("app");
  }

  @Test
  void mergesLikeDockerComposeDashFTwice() {
    Map<String, Object> app =
        app(
            """
            services:
              app:
                image: a:1
                environment: [A=1, B=2, C]
                ports: ["80:80"]
                volumes: [data:/data, ./conf:/etc/conf:ro]
                command: [run, --dev]
                depends_on: [db]
                healthcheck: {test: [CMD, ok], interval: 10s}
                env_file: a.env
            volumes: {data: }
            """,
            """
            services:
              app:
                image: a:2
                environment: {B: 3, D: 4}
                ports: ["80:80", "443:443"]
                volumes: [{type: volume, source: other, target: /data}]
                command: [run]
                depends_on: {db: {condition: service_healthy}, cache: {condition: service_started}}
                healthcheck: {interval: 5s}
                env_file: [b.env]
            new: {image: n}
            """);
    assertEquals("a:2", app.get("image"));
    Map<String, Object> environment = new java.util.HashMap<>();
    environment.put("A", "1");
    environment.put("B", 3);
    environment.put("C", null); // taken from the shell / .env later, as Compose does
    environment.put("D", 4);
    assertEquals(environment, app.get("environment"));
    assertEquals(List.of("80:80", "443:443"), app.get("ports"));
    assertEquals(
        List.of(
            Map.of("type", "volume", "source", "other", "target", "/data"), "./conf:/etc/conf:ro"),
        app.get("volumes"));
    assertEquals(List.of("run"), app.get("command"));
    assertEquals(
        Map.of(
            "db", Map.of("condition", "service_healthy"),
            "cache", Map.of("condition", "service_started")),
        app.get("depends_on"));
    assertEquals(Map.of("test", List.of("CMD", "ok"), "interval", "5s"), app.get("healthcheck"));
    assertEquals(List.of("a.env", "b.env"), app.get("env_file"));
  }
}
