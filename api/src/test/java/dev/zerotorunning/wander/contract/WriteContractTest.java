package dev.zerotorunning.wander.contract;

import static dev.zerotorunning.wander.support.DeploymentRequests.newDeployment;
import static dev.zerotorunning.wander.support.DeploymentRequests.statusChange;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.ContractTarget;
import dev.zerotorunning.wander.support.ErrorBody;
import dev.zerotorunning.wander.support.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The write side of the HTTP contract, on deployments each test creates for itself. */
class WriteContractTest {
  private final ContractTarget target = ContractTarget.get();
  private final Http http = target.http();

  private long create() {
    return http.post("/deployments", newDeployment("api", "staging", "v2.0.0", "dev@example.com"))
        .expectStatus(201)
        .json()
        .at("/data/id")
        .asLong();
  }

  @Test
  void createsAPendingAutomatedDeploymentWithItsLocation() {
    Http.Reply reply =
        http.post(
                "/deployments",
                newDeployment("frontend", "production", "v1.2.3", "someone@example.com"))
            .expectStatus(201);
    JsonNode created = reply.json().get("data");
    long id = created.get("id").asLong();
    assertThat(created.get("status").asText()).isEqualTo("pending");
    assertThat(created.get("service").get("name").asText()).isEqualTo("frontend");
    assertThat(created.get("environment").get("name").asText()).isEqualTo("production");
    assertThat(created.get("version").asText()).isEqualTo("v1.2.3");
    assertThat(created.get("deployed_by").asText()).isEqualTo("someone@example.com");
    assertThat(created.get("completed_at").isNull()).isTrue();
    assertThat(created.get("automated").asBoolean()).as("rolled out by the worker").isTrue();
    // The contract's path, or an absolute URL of the origin the client called.
    assertThat(reply.header("Location"))
        .isIn("/api/deployments/" + id, target.origin() + "/api/deployments/" + id);

    JsonNode newest =
        http.get("/deployments?service=frontend&environment=production&limit=1")
            .json()
            .at("/data/0");
    assertThat(newest.get("id").asLong()).isEqualTo(id);

    // Behind a proxy that forwards another Host, the Location stays followable.
    Http.Reply proxied =
        http.send(
            "POST",
            "/deployments",
            BodyPublishers.ofString(newDeployment("api", "staging", "v1.2.4", "a@example.com")),
            "application/json",
            "X-Forwarded-Host",
            "api:8080");
    assertThat(proxied.expectStatus(201).header("Location")).contains("/api/deployments/");
  }

  @ParameterizedTest
  @CsvSource({
    "nope,staging,v1.0.0,a@example.com,service",
    "api,moon,v1.0.0,a@example.com,environment",
    "api,staging,1.2,a@example.com,version",
    "api,staging,latest,a@example.com,version",
    "api,staging,'v1.2.3 ',a@example.com,version",
    "api,staging,v1.0.0,not-an-email,deployed_by",
    "api,staging,v1.0.0,a@b,deployed_by",
    "'',staging,v1.0.0,a@example.com,service",
  })
  void rejectsInvalidDeploymentsWithFieldDetails(
      String service, String env, String version, String by, String field) {
    String newest = http.get("/deployments?limit=1").json().at("/data/0/id").asText();
    Http.Reply reply =
        http.post("/deployments", newDeployment(service, env, version, by)).expectStatus(422);
    ErrorBody.check(reply, 422);
    assertThat(fieldsOf(reply.json())).containsExactly(field);
    assertThat(http.get("/deployments?limit=1").json().at("/data/0/id").asText())
        .as("nothing stored")
        .isEqualTo(newest);
  }

  @Test
  void reportsEveryBrokenFieldAtOnce() {
    JsonNode error = http.post("/deployments", "{}").expectStatus(422).json();
    assertThat(fieldsOf(error))
        .containsExactlyInAnyOrder("service", "environment", "version", "deployed_by");
  }

  @Test
  void aDeploymentTheWorkerIsRollingOutCannotBeMovedByHand() {
    // Whether the worker has started it yet or (failing its first step) finished it already,
    // in_progress is refused: 409 either way.
    long id = create();
    ErrorBody.check(move(id, "in_progress", null).expectStatus(409), 409);
  }

  @Test
  void aFinishedRolloutAcceptsExactlyItsAllowedTransitions() {
    JsonNode done = target.finishedRollout(create());
    long id = done.get("id").asLong();
    assertThat(done.get("completed_at").isNull()).isFalse();
    List<String> allowed = new ArrayList<>();
    done.get("allowed_transitions").forEach(s -> allowed.add(s.asText()));
    if (done.get("status").asText().equals("completed")) {
      assertThat(allowed).containsExactly("rolled_back");
      JsonNode rolledBack =
          move(id, "rolled_back", "error rate spiked").expectStatus(200).json().get("data");
      assertThat(rolledBack.get("status").asText()).isEqualTo("rolled_back");
      assertThat(rolledBack.get("error_message").asText()).isEqualTo("error rate spiked");
      assertThat(rolledBack.get("automated").asBoolean()).isTrue();
    } else {
      assertThat(allowed).as("a failed rollout is final").isEmpty();
      assertThat(done.get("error_message").asText()).isNotBlank();
    }
    ErrorBody.check(move(id, "completed", null).expectStatus(409), 409);
  }

  @Test
  void patchingAnUnknownDeploymentIs404() {
    ErrorBody.check(move(987654321, "in_progress", null).expectStatus(404), 404);
  }

  private Http.Reply move(long id, String status, String message) {
    return http.patch("/deployments/" + id, statusChange(status, message));
  }

  static List<String> fieldsOf(JsonNode error) {
    List<String> fields = new ArrayList<>();
    error.get("details").forEach(d -> fields.add(d.get("field").asText()));
    return fields;
  }
}
