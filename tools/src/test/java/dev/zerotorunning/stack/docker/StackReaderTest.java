package dev.zerotorunning.stack.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import dev.zerotorunning.stack.model.ServiceConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker's JSON as the CLI prints it. */
class StackReaderTest {
  @Test
  void timesWithAnOffsetOrZAndAnyFraction() {
    assertEquals(
        Instant.parse("2026-12-04T09:00:00.123456789Z"),
        StackReader.time("2026-12-04T10:00:00.123456789+01:00"));
    assertEquals(Instant.parse("2026-12-04T10:00:00Z"), StackReader.time("2026-12-04T10:00:00Z"));
    assertEquals(Instant.EPOCH, StackReader.time(""));
  }

  @Test
  void servicesInStartOrderProfilesLastReplicasAndRangesAsComposeResolvesThem() {
    String config =
        """
        {"name": "p", "services": {
          "web": {"depends_on": {"api": {"condition": "service_healthy"}}},
          "prometheus": {"profiles": ["observability"]},
          "api": {"depends_on": {"db": {"condition": "service_healthy"}},
                  "ports": [{"target": 7000, "published": "7000"}, {"target": 7001, "published": "7001"}]},
          "worker": {"deploy": {"replicas": 2}, "depends_on": {"db": {}}},
          "db": {"scale": 1}
        }}\
        """;
    List<ServiceConfig> services =
        StackReader.services(JsonParser.parseString(config).getAsJsonObject());
    assertEquals(
        List.of("db", "api", "worker", "web", "prometheus"),
        services.stream().map(ServiceConfig::name).toList());
    assertEquals(2, services.get(2).replicas());
    assertEquals(List.of("7000", "7001"), services.get(1).published());
  }

  @Test
  void composePsAsLinesOrAsAnArrayAndNoJsonIsOneClearError() {
    assertEquals(
        2,
        StackReader.events(
                "{\"Action\":\"health_status: healthy\",\"timeNano\":1}\n"
                    + "{\"Action\":\"health_status: unhealthy\",\"timeNano\":2}\n")
            .size());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StackReader.events("not json"));
    assertEquals(true, e.getMessage().startsWith("docker printed no JSON"));
  }
}
