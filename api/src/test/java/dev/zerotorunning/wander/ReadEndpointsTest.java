package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.db.Seeder;
import dev.zerotorunning.wander.support.SeededStackTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The read endpoints on exactly the seed (counts, pages, stats of the 36 sample deployments); the
 * contract suite (contract/) asserts what holds on any stack.
 */
class ReadEndpointsTest extends SeededStackTest {

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
  void statsAddUp() {
    JsonNode stats = http.get("/stats").expectStatus(200).json().get("data");
    assertThat(stats.get("total").asLong()).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
    JsonNode byStatus = stats.get("by_status");
    long sum = 0;
    for (JsonNode n : byStatus) {
      sum += n.asLong();
    }
    assertThat(sum).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
    double completed = byStatus.get("completed").asLong();
    double failed = byStatus.get("failed").asLong();
    assertThat(stats.get("success_rate").asDouble())
        .isCloseTo(completed / (completed + failed), org.assertj.core.data.Offset.offset(0.0001));
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
