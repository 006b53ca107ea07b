package dev.zerotorunning.wander.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.support.ContractTarget;
import dev.zerotorunning.wander.support.ErrorBody;
import dev.zerotorunning.wander.support.Http;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input battery's common ground: one malformed request and what it must get (a 4xx JSON
 * error body, no Server header, no internals), on a target whose data it must leave as it was. Its
 * PATCH target is a rolled-back deployment: final, so no PATCH may legally change it, and no other
 * test or worker does.
 */
@Tag(Rejection.TAG)
abstract class Rejection {
  /** make chaos runs the battery (and only it) against the real stack by this tag. */
  static final String TAG = "bad-input";

  static final String VALID =
      "{\"service\":\"frontend\",\"environment\":\"staging\",\"version\":\"v1.2.3\","
          + "\"deployed_by\":\"bad@chaos.example\"}";

  static final ContractTarget TARGET = ContractTarget.get();
  static final Http HTTP = TARGET.http();

  private static long finalId;
  private static List<JsonNode> before;

  /** What a request must get: one status, any 4xx, or (a filter value) no match or a 4xx. */
  enum Expect {
    EXACT,
    ANY_4XX,
    NO_MATCH
  }

  /** One malformed request. {@code path} is under /api; {@code {final}} is the PATCH target. */
  record Case(
      String method,
      String path,
      String contentType,
      byte[] body,
      boolean chunked,
      Expect expect,
      int status,
      String... headers) {

    String describe() {
      String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      shown =
          shown.length() > 70 ? shown.substring(0, 70) + "… (" + body.length + " bytes)" : shown;
      String want = expect == Expect.EXACT ? Integer.toString(status) : expect.name();
      return method
          + " "
          + (path.length() > 80 ? path.substring(0, 80) + "…" : path)
          + (contentType == null ? "" : " [" + contentType + "]")
          + (chunked ? " chunked" : "")
          + (headers.length == 0 ? "" : " " + headers[0] + ": …")
          + (shown.isEmpty() ? "" : " " + shown)
          + " -> "
          + want;
    }

    Arguments arguments() {
      return Arguments.of(describe(), this);
    }
  }

  static Case json(String method, String path, String body, int status) {
    return new Case(method, path, "application/json", utf8(body), false, Expect.EXACT, status);
  }

  static Case json4xx(String method, String path, String body) {
    return new Case(method, path, "application/json", utf8(body), false, Expect.ANY_4XX, 0);
  }

  static Case get(String path, int status, String... headers) {
    return new Case("GET", path, null, null, false, Expect.EXACT, status, headers);
  }

  static Case get(String path, Expect expect) {
    return new Case("GET", path, null, null, false, expect, 0);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void remember() {
    finalId = HTTP.get("/deployments?status=rolled_back&limit=1").json().at("/data/0/id").asLong();
    assertThat(finalId).as("a rolled-back deployment to PATCH").isPositive();
    before = snapshot();
  }

  /** The bad requests changed nothing: no deployment more, the PATCH target, reference data. */
  @AfterAll
  static void nothingChanged() {
    assertThat(snapshot()).isEqualTo(before);
  }

  private static List<JsonNode> snapshot() {
    List<JsonNode> state = new ArrayList<>();
    state.add(HTTP.get("/deployments?limit=1").expectStatus(200).json().get("count"));
    state.add(HTTP.get("/deployments/" + finalId).expectStatus(200).json());
    state.add(HTTP.get("/services").expectStatus(200).json().get("data"));
    state.add(HTTP.get("/environments").expectStatus(200).json().get("data"));
    return state;
  }

  static Http.Reply send(Case c) {
    BodyPublisher body =
        c.body() == null
            ? BodyPublishers.noBody()
            : c.chunked()
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                : BodyPublishers.ofByteArray(c.body());
    return HTTP.send(
        c.method(),
        c.path().replace("{final}", Long.toString(finalId)),
        body,
        c.contentType(),
        c.headers());
  }

  /** Each case of the subclass's static {@code cases()}. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersWithA4xxJsonError(String description, Case c) {
    assertRejected(c);
  }

  /** Sends {@code c} and checks its answer. */
  static void assertRejected(Case c) {
    Http.Reply reply = send(c);
    if (c.expect() == Expect.NO_MATCH && reply.status() == 200) {
      assertThat(reply.json().get("count").asLong()).as("a hostile filter value matches").isZero();
      assertThat(reply.json().get("data")).isEmpty();
      return;
    }
    if (c.expect() == Expect.EXACT) {
      reply.expectStatus(c.status());
    } else {
      assertThat(reply.status()).as("status: %s", reply.body()).isBetween(400, 499);
    }
    ErrorBody.check(reply, reply.status());
    assertThat(reply.header("Server")).as("Server header").isNull();
  }

  static long finalId() {
    return finalId;
  }
}
