package dev.zerotorunning.wander.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.ContractTarget;
import dev.zerotorunning.wander.support.ErrorBody;
import dev.zerotorunning.wander.support.Http;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The read side of the HTTP contract, on whatever the target holds besides the seed: the reference
 * data, the list's order, filters and pages, one deployment, the stats. (Every answer is also
 * checked against openapi.yaml by Http.)
 */
class ReadContractTest {
  private final Http http = ContractTarget.get().http();

  @Test
  void healthSaysHealthyWithBothDependenciesUp() {
    JsonNode body = http.get("/health").expectStatus(200).json();
    assertThat(body.get("status").asText()).isEqualTo("healthy");
    assertThat(body.at("/checks/postgres/status").asText()).isEqualTo("up");
    assertThat(body.at("/checks/redis/status").asText()).isEqualTo("up");
    assertThat(body.at("/checks/postgres/latency_ms").asLong()).isNotNegative();
    assertThat(body.get("version").asText()).isNotBlank().doesNotContain("${");
    assertThat(body.get("uptime_s").asLong()).isNotNegative();
  }

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
  void firstPageIsTheTwentyNewestDeploymentsWithTheTotal() {
    JsonNode body = http.get("/deployments").expectStatus(200).json();
    JsonNode data = body.get("data");
    assertThat(data).hasSize((int) Math.min(body.get("count").asLong(), 20));
    assertThat(body.get("cached").isBoolean()).isTrue();
    List<JsonNode> listed = new ArrayList<>();
    data.forEach(listed::add);
    assertThat(listed)
        .isSortedAccordingTo(
            Comparator.comparing((JsonNode d) -> Instant.parse(d.get("started_at").asText()))
                .thenComparing(d -> d.get("id").asLong())
                .reversed());
    assertThat(data.get(0).fieldNames())
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
    assertThat(data.get(0).get("service").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("id", "name");
    assertThat(data.get(0).get("started_at").asText()).endsWith("Z");
  }

  @ParameterizedTest
  @CsvSource({
    "service=frontend",
    "service=analytics",
    "environment=production",
    "status=failed",
    "status=pending",
    "service=frontend&environment=production&status=completed"
  })
  void filtersNarrowTheList(String query) {
    JsonNode body = http.get("/deployments?limit=100&" + query).expectStatus(200).json();
    assertThat(body.get("count").asLong()).isGreaterThanOrEqualTo(body.get("data").size());
    for (JsonNode d : body.get("data")) {
      for (String condition : query.split("&")) {
        String[] kv = condition.split("=");
        JsonNode actual = d.get(kv[0]);
        assertThat((actual.isObject() ? actual.get("name") : actual).asText()).isEqualTo(kv[1]);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"service=nope", "environment=moon", "service=frontend&environment=nowhere"})
  void unknownNamesInFiltersGiveAnEmptyPage(String query) {
    JsonNode none = http.get("/deployments?" + query).expectStatus(200).json();
    assertThat(none.get("data")).isEmpty();
    assertThat(none.get("count").asLong()).isZero();
  }

  @Test
  void pagesFollowEachOtherWithoutOverlap() {
    JsonNode first = http.get("/deployments?limit=5").expectStatus(200).json();
    JsonNode second = http.get("/deployments?limit=5&offset=5").expectStatus(200).json();
    assertThat(second.get("count").asLong()).isGreaterThanOrEqualTo(10);
    assertThat(first.get("data")).hasSize(5);
    assertThat(second.get("data")).hasSize(5);
    Set<Long> ids = new HashSet<>();
    first.get("data").forEach(d -> ids.add(d.get("id").asLong()));
    second.get("data").forEach(d -> assertThat(ids.add(d.get("id").asLong())).isTrue());
  }

  @Test
  void getsOneDeploymentOr404() {
    long id = http.get("/deployments?limit=1").json().at("/data/0/id").asLong();
    JsonNode one = http.get("/deployments/" + id).expectStatus(200).json().get("data");
    assertThat(one.get("id").asLong()).isEqualTo(id);
    Http.Reply missing = http.get("/deployments/987654321").expectStatus(404);
    ErrorBody.check(missing, 404);
    assertThat(missing.json().get("error").asText()).contains("987654321");
  }

  @Test
  void statsAddUp() {
    JsonNode stats = http.get("/stats").expectStatus(200).json().get("data");
    JsonNode byStatus = stats.get("by_status");
    assertThat(byStatus.fieldNames())
        .toIterable()
        .containsExactly("pending", "in_progress", "completed", "failed", "rolled_back");
    long sum = 0;
    for (JsonNode n : byStatus) {
      sum += n.asLong();
    }
    assertThat(sum).isEqualTo(stats.get("total").asLong());
    assertThat(stats.get("by_environment").fieldNames())
        .toIterable()
        .containsExactly("development", "staging", "production");
    JsonNode rate = stats.get("success_rate");
    assertThat(rate.isNull() || (rate.asDouble() >= 0 && rate.asDouble() <= 1)).isTrue();
    assertThat(stats.get("last_24h").asLong()).isNotNegative();
    List<LocalDate> days = new ArrayList<>();
    stats.get("per_day").forEach(day -> days.add(LocalDate.parse(day.get("date").asText())));
    assertThat(days).hasSize(14).isSorted().doesNotHaveDuplicates();
  }

  static List<String> names(JsonNode data) {
    List<String> names = new ArrayList<>();
    data.forEach(n -> names.add(n.get("name").asText()));
    return names;
  }
}
