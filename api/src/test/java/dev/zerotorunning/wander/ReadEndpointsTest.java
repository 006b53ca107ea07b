package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.db.Seeder;
import dev.zerotorunning.wander.support.SeededStackTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadEndpointsTest extends SeededStackTest {

  @Test
  void listsTheSeededServicesWithRepositories() {
    JsonNode data = http.get("/services").expectStatus(200).json().get("data");
    assertThat(names(data)).containsExactly("frontend", "api", "worker", "analytics");
    for (JsonNode service : data) {
      assertThat(service.get("id").asLong()).isPositive();
      assertThat(service.get("description").asText()).isNotBlank();
      assertThat(service.get("repository_url").asText()).startsWith("https://");
    }
  }

  @Test
  void listsTheSeededEnvironments() {
    JsonNode data = http.get("/environments").expectStatus(200).json().get("data");
    assertThat(names(data)).containsExactly("development", "staging", "production");
    assertThat(data.get(0).has("repository_url")).isFalse();
  }

  @Test
  void firstPageIsTwentyNewestDeploymentsWithTheTotal() {
    JsonNode body = http.get("/deployments").expectStatus(200).json();
    assertThat(body.get("count").asLong()).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
    JsonNode data = body.get("data");
    assertThat(data).hasSize(20);
    List<Instant> started = new ArrayList<>();
    data.forEach(d -> started.add(Instant.parse(d.get("started_at").asText())));
    assertThat(started).isSortedAccordingTo((a, b) -> b.compareTo(a));
    JsonNode first = data.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "id",
            "service",
            "environment",
            "version",
            "status",
            "deployed_by",
            "started_at",
            "completed_at",
            "error_message",
            "automated",
            "allowed_transitions");
    assertThat(first.get("service").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("id", "name");
    assertThat(first.get("started_at").asText()).endsWith("Z");
  }

  @Test
  void seedHasEveryStatusAndFailuresCarryMessages() {
    JsonNode data = http.get("/deployments?limit=100").expectStatus(200).json().get("data");
    Set<String> statuses = new HashSet<>();
    for (JsonNode d : data) {
      statuses.add(d.get("status").asText());
      if (d.get("status").asText().equals("failed")) {
        assertThat(d.get("error_message").asText()).isNotBlank();
        assertThat(d.get("completed_at").isNull()).isFalse();
      }
      if (d.get("status").asText().equals("pending")) {
        assertThat(d.get("completed_at").isNull()).isTrue();
      }
    }
    assertThat(statuses)
        .containsExactlyInAnyOrder("pending", "in_progress", "completed", "failed", "rolled_back");
  }

  @ParameterizedTest
  @CsvSource({
    "service,frontend",
    "service,analytics",
    "environment,production",
    "status,failed",
    "status,pending"
  })
  void filtersNarrowTheListAndTheCount(String field, String value) {
    JsonNode all = http.get("/deployments?limit=100").json().get("data");
    long expected = 0;
    for (JsonNode d : all) {
      JsonNode actual = d.get(field);
      if ((actual.isObject() ? actual.get("name") : actual).asText().equals(value)) {
        expected++;
      }
    }
    JsonNode body =
        http.get("/deployments?limit=100&" + field + "=" + value).expectStatus(200).json();
    assertThat(body.get("count").asLong()).isEqualTo(expected).isPositive();
    for (JsonNode d : body.get("data")) {
      JsonNode actual = d.get(field);
      assertThat((actual.isObject() ? actual.get("name") : actual).asText()).isEqualTo(value);
    }
  }

  @Test
  void combinedFiltersAndUnknownNamesGiveEmptyPages() {
    JsonNode body =
        http.get("/deployments?service=frontend&environment=production&status=completed").json();
    for (JsonNode d : body.get("data")) {
      assertThat(d.get("service").get("name").asText()).isEqualTo("frontend");
      assertThat(d.get("environment").get("name").asText()).isEqualTo("production");
      assertThat(d.get("status").asText()).isEqualTo("completed");
    }
    JsonNode none = http.get("/deployments?service=nope").expectStatus(200).json();
    assertThat(none.get("data")).isEmpty();
    assertThat(none.get("count").asLong()).isZero();
  }

  @Test
  void pagesDoNotOverlapAndCoverEverything() {
    Set<Long> seen = new HashSet<>();
    for (int offset = 0; offset < Seeder.SAMPLE_DEPLOYMENTS; offset += 7) {
      JsonNode body = http.get("/deployments?limit=7&offset=" + offset).expectStatus(200).json();
      assertThat(body.get("count").asLong()).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
      body.get("data").forEach(d -> assertThat(seen.add(d.get("id").asLong())).isTrue());
    }
    assertThat(seen).hasSize(Seeder.SAMPLE_DEPLOYMENTS);
  }

  @ParameterizedTest
  @CsvSource({
    "limit=1&offset=0,1",
    "limit=100,36",
    "offset=35,1",
    "offset=36,0",
    "offset=1000,0",
    "limit=5&offset=34,2"
  })
  void paginationEdges(String query, int expectedItems) {
    JsonNode body = http.get("/deployments?" + query).expectStatus(200).json();
    assertThat(body.get("data")).hasSize(expectedItems);
    assertThat(body.get("count").asLong()).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
  }

  @Test
  void getsOneDeploymentOr404() {
    long id = http.get("/deployments?limit=1").json().get("data").get(0).get("id").asLong();
    JsonNode one = http.get("/deployments/" + id).expectStatus(200).json().get("data");
    assertThat(one.get("id").asLong()).isEqualTo(id);
    JsonNode missing = http.get("/deployments/999999").expectStatus(404).json();
    assertThat(missing.get("error").asText()).contains("999999");
  }

  @Test
  void statsAddUp() {
    JsonNode stats = http.get("/stats").expectStatus(200).json().get("data");
    assertThat(stats.get("total").asLong()).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
    JsonNode byStatus = stats.get("by_status");
    assertThat(byStatus.fieldNames())
        .toIterable()
        .containsExactly("pending", "in_progress", "completed", "failed", "rolled_back");
    long sum = 0;
    for (JsonNode n : byStatus) {
      sum += n.asLong();
    }
    assertThat(sum).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
    double completed = byStatus.get("completed").asLong();
    double failed = byStatus.get("failed").asLong();
    assertThat(stats.get("success_rate").asDouble())
        .isCloseTo(completed / (completed + failed), org.assertj.core.data.Offset.offset(0.0001));
    assertThat(stats.get("by_environment").fieldNames())
        .toIterable()
        .containsExactly("development", "staging", "production");
    assertThat(stats.get("per_day")).hasSize(14);
    long perDay = 0;
    for (JsonNode day : stats.get("per_day")) {
      perDay += day.get("count").asLong();
    }
    assertThat(perDay).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
    assertThat(stats.get("last_24h").asLong()).isBetween(4L, (long) Seeder.SAMPLE_DEPLOYMENTS);
  }

  static List<String> names(JsonNode data) {
    List<String> names = new ArrayList<>();
    data.forEach(n -> names.add(n.get("name").asText()));
    return names;
  }
}
