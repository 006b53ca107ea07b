package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.TestStack;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad request gets a 4xx with the JSON error body, and changes nothing. */
class BadInputTest {
  private static final TestStack STACK = TestStack.get();
  private final Http http = STACK.http();
  private static long seededId;

  @BeforeAll
  static void seed() {
    STACK.resetData();
    seededId =
        STACK
            .http()
            .get("/deployments?status=pending&limit=1")
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asLong();
  }

  @AfterAll
  static void nothingChanged() {
    assertThat(STACK.http().get("/deployments").json().get("count").asLong()).isEqualTo(36);
    assertThat(
            STACK.http().get("/deployments/" + seededId).json().get("data").get("status").asText())
        .isEqualTo("pending");
  }

  @ParameterizedTest(name = "{0} {1} [{2}] {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
              POST  | /deployments         | application/json | {"service": "api"               | 400
              POST  | /deployments         | application/json | not json at all                 | 400
              POST  | /deployments         | application/json | [1, 2, 3]                       | 400
              POST  | /deployments         | application/json | "a string"                      | 400
              POST  | /deployments         | application/json | {"service": "api"} trailing     | 400
              POST  | /deployments         | application/json | {"service": 1, "environment": "staging", "version": "v1.0.0", "deployed_by": "a@example.com"} | 400
              POST  | /deployments         | application/json | {"service": ["api"], "environment": "staging", "version": "v1.0.0", "deployed_by": "a@example.com"} | 400
              POST  | /deployments         | application/json | {"service": "api", "environment": "staging", "version": true, "deployed_by": "a@example.com"} | 400
              POST  | /deployments         | application/json | {"service": "api", "environment": "staging", "version": "v1.0.0", "deployed_by": "a@example.com", "admin": true} | 400
              POST  | /deployments         | application/json | {"service": "api", "service": "web", "environment": "staging", "version": "v1.0.0", "deployed_by": "a@example.com"} | 400
              POST  | /deployments         | application/json | `{"service": "api'; DROP TABLE deployments;--", "environment": "staging", "version": "v1.0.0", "deployed_by": "a@example.com"}` | 422
              POST  | /deployments         | application/json | {"service": "<script>alert(1)</script>", "environment": "staging", "version": "v1.0.0", "deployed_by": "a@example.com"} | 422
              POST  | /deployments         | application/json | `{"service": "api", "environment": "staging", "version": "v1.0.0' OR '1'='1", "deployed_by": "a@example.com"}` | 422
              POST  | /deployments         | application/json | {"service": null, "environment": null, "version": null, "deployed_by": null} | 422
              POST  | /deployments         | application/json | {"service": "api\\u0000", "environment": "staging", "version": "v1.0.0", "deployed_by": "a@example.com"} | 422
          POST  | /deployments         | application/json | {"service": "api", "environment": "stag\\u0000ing", "version": "v1.0.0", "deployed_by": "a@example.com"} | 422
          PATCH | /deployments/SEEDED  | application/json | {"status": "in_progress", "error_message": "x\\u0000"} | 422
          GET   | /deployments?service=api%00 |           |                                 | 400
          GET   | /deployments?environment=%00 |          |                                 | 400
          POST  | /deployments         | text/plain       | hello                           | 415
              POST  | /deployments         | application/xml  | <a/>                            | 415
              POST  | /deployments         | application/json |                                 | 400
              PATCH | /deployments/SEEDED  | application/json | {"status": "done"}              | 422
              PATCH | /deployments/SEEDED  | application/json | {"status": 3}                   | 400
              PATCH | /deployments/SEEDED  | application/json | {"status": "in_progress", "extra": 1} | 400
              PATCH | /deployments/SEEDED  | application/json | {"status":                      | 400
              PATCH | /deployments/SEEDED  | application/json | {"status": "completed"}         | 409
              PATCH | /deployments/abc     | application/json | {"status": "in_progress"}       | 400
              PATCH | /deployments/-1      | application/json | {"status": "in_progress"}       | 400
              GET   | /deployments/abc     |                  |                                 | 400
              GET   | /deployments/0       |                  |                                 | 400
              GET   | /deployments/99999999999999999999 |     |                                 | 400
              GET   | /deployments/1%27%20OR%201=1 |          |                                 | 400
              GET   | /deployments?limit=0 |                  |                                 | 400
              GET   | /deployments?limit=101 |                |                                 | 400
              GET   | /deployments?limit=-5 |                 |                                 | 400
              GET   | /deployments?limit=ten |                |                                 | 400
              GET   | /deployments?limit=99999999999 |        |                                 | 400
              GET   | /deployments?offset=-1 |                |                                 | 400
              GET   | /deployments?offset=1.5 |               |                                 | 400
              GET   | /deployments?status=exploded |         |                                 | 400
              GET   | /deployments?status=%27%3B%20DROP%20TABLE%20deployments%3B-- | |              | 400
              GET   | /nope                |                  |                                 | 404
              PUT   | /deployments         | application/json | {}                              | 405
              DELETE | /deployments        |                  |                                 | 405
              POST  | /stats               | application/json | {}                              | 405
              GET   | /cache               |                  |                                 | 405
          """)
  void answersWithA4xxJsonError(
      String method, String path, String type, String body, int expected) {
    String resolved = path.replace("SEEDED", Long.toString(seededId));
    Http.Reply reply =
        http.send(
            method,
            resolved,
            body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body),
            type);
    reply.expectStatus(expected);
    assertErrorBody(reply, expected);
  }

  @Test
  void aRejectedBodyNeverCostsTheClientItsNextRequest() {
    // Answered before the body is read, the rest of it used to make Jetty close the connection
    // with bytes unread: the client got a reset instead of the answer, or no answer to its next
    // request. The server now reads the rest (DrainUnreadBody), so the connection is kept.
    String underLimit = "{\"service\": \"" + "a".repeat(15_000) + "\"}";
    String overLimit = "{\"service\": \"" + "a".repeat(200_000) + "\"}";
    for (int i = 0; i < 50; i++) {
      Http.Reply notAllowed =
          http.send("PUT", "/deployments", BodyPublishers.ofString(underLimit), "application/json");
      assertErrorBody(notAllowed.expectStatus(405), 405);
      assertThat(notAllowed.header("Connection")).isNull();
      Http.Reply tooLarge = http.post("/deployments", overLimit).expectStatus(413);
      assertErrorBody(tooLarge, 413);
      assertThat(tooLarge.header("Connection")).isNull();
      http.get("/services").expectStatus(200);
    }
  }

  @Test
  void bodiesOverTheLimitAre413() {
    String huge = "{\"service\": \"" + "a".repeat(20_000) + "\"}";
    assertErrorBody(http.post("/deployments", huge).expectStatus(413), 413);
    // Without a Content-Length the limit still holds while streaming.
    Http.Reply chunked =
        http.send(
            "POST",
            "/deployments",
            BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())),
            "application/json");
    assertErrorBody(chunked.expectStatus(413), 413);
  }

  @Test
  void longFieldsAre422NotServerErrors() {
    String body =
        WriteEndpointsTest.newDeployment(
            "api", "staging", "v1.0.0-" + "x".repeat(100), "a@example.com");
    assertErrorBody(http.post("/deployments", body).expectStatus(422), 422);
  }

  static void assertErrorBody(Http.Reply reply, int status) {
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    JsonNode error = reply.json();
    assertThat(error.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("error", "status", "timestamp", "details");
    assertThat(error.get("status").asInt()).isEqualTo(status);
    assertThat(error.get("error").asText()).isNotBlank();
    assertThat(Instant.parse(error.get("timestamp").asText())).isNotNull();
    assertThat(error.get("details").isArray()).isTrue();
    assertThat(reply.body())
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("jackson");
  }
}
