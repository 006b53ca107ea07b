package dev.zerotorunning.wander.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerotorunning.wander.support.ErrorBody;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.RawHttp;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad ids, query parameters, methods, paths, headers and request lines: each gets a 4xx JSON error
 * body, and a refused body never costs the client its connection.
 */
class BadRequestContractTest extends Rejection {

  /** The cases of {@link Rejection#answersWithA4xxJsonError}. */
  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    String inProgress = "{\"status\":\"in_progress\"}";
    // Ids: negative, zero, huge, not numbers.
    for (String id :
        List.of(
            "-1",
            "0",
            "abc",
            "1.5",
            "99999999999999999999",
            "1%27%20OR%201=1",
            "%3Cscript%3E",
            "1%3BDROP",
            "0x10",
            "%201")) {
      cases.add(get("/deployments/" + id, 400));
      cases.add(json("PATCH", "/deployments/" + id, inProgress, 400));
    }
    cases.add(get("/deployments/9223372036854775807", Expect.ANY_4XX));
    cases.add(json4xx("PATCH", "/deployments/9223372036854775807", inProgress));
    cases.add(get("/deployments/%00", 400));
    cases.add(get("/deployments/987654321/steps", 404));
    cases.add(get("/deployments/abc/steps", 400));
    // limit, offset and status out of range or not what they should be.
    for (String v :
        List.of(
            "-1",
            "0",
            "101",
            "1e3",
            "abc",
            "99999999999999999999",
            "1.5",
            "%27",
            "0x10",
            "-2147483648",
            "99999999999")) {
      cases.add(get("/deployments?limit=" + v, 400));
    }
    for (String v :
        List.of("-1", "abc", "99999999999999999999", "1.5", "2147483648", "%3Cscript%3E")) {
      cases.add(get("/deployments?offset=" + v, 400));
    }
    for (String v :
        List.of(
            "bogus",
            "PENDING",
            "Completed",
            "in%20progress",
            "%27%3B%20DROP%20TABLE%20deployments%3B--")) {
      cases.add(get("/deployments?status=" + v, 400));
    }
    cases.add(get("/deployments?limit=0&offset=-1&status=nope", 400));
    // Methods a path does not have; paths the API does not have.
    for (String m : List.of("PUT", "DELETE", "PATCH")) {
      cases.add(json(m, "/deployments", "{}", 405));
    }
    for (String m : List.of("PUT", "POST", "DELETE")) {
      cases.add(json(m, "/deployments/{final}", "{}", 405));
    }
    for (String p : List.of("/services", "/environments", "/stats", "/health")) {
      for (String m : List.of("POST", "PUT", "DELETE", "PATCH")) {
        cases.add(json(m, p, "{}", 405));
      }
    }
    for (String m : List.of("GET", "POST", "PUT", "PATCH")) {
      cases.add(json(m, "/cache", "{}", 405));
    }
    for (String p : List.of("/nope", "/deployments/1/extra", "/services/1", "/stats/today")) {
      cases.add(get(p, 404));
    }
    // Answers the client does not accept.
    cases.add(get("/services", 406, "Accept", "application/xml"));
    cases.add(get("/deployments", 406, "Accept", "text/html"));
    return cases.stream().map(Case::arguments);
  }

  /**
   * Requests no URI-checking client sends, or that Jetty refuses before any operation sees them (so
   * openapi.yaml has no say), on a raw connection.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rawCases")
  void malformedRequestLinesAndHeadersAre4xxJson(String shown, String head, Integer status)
      throws IOException {
    RawHttp.Response response;
    try (RawHttp connection = TARGET.raw()) {
      response = connection.exchange(head + "Connection: close\r\n\r\n");
    }
    if (status != null) {
      assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
    assertThat(response.status()).isBetween(400, 499);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.header("Server")).isNull();
    JsonNode error = new ObjectMapper().readTree(response.body());
    assertThat(error.get("status").asInt()).isEqualTo(response.status());
    assertThat(error.get("error").asText()).isNotBlank();
    assertThat(response.body()).doesNotMatch(ErrorBody.LEAK).doesNotContain("<html");
  }

  static Stream<Arguments> rawCases() {
    String host = "Host: localhost\r\n";
    return Stream.of(
        raw("GET /api/% HTTP/1.1\r\n" + host, 400),
        raw("GET /api/%zz HTTP/1.1\r\n" + host, 400),
        raw("GET /api/deployments?limit=%G0 HTTP/1.1\r\n" + host, 400),
        raw("GET /api/../../etc/passwd HTTP/1.1\r\n" + host, null),
        raw("BREW /api/deployments HTTP/1.1\r\n" + host, null),
        raw("GET /api/services HTTP/1.1\r\nHost:\r\n", 400),
        raw("GET /api/deployments?limit=" + "1".repeat(20_000) + " HTTP/1.1\r\n" + host, null),
        raw(
            "GET /api/services HTTP/1.1\r\n" + host + "X-Padding: " + "a".repeat(20_000) + "\r\n",
            431));
  }

  private static Arguments raw(String head, Integer status) {
    String shown = head.replace("\r\n", " | ").trim();
    shown =
        shown.length() > 90 ? shown.substring(0, 90) + "… (" + head.length() + " bytes)" : shown;
    return Arguments.of(shown + " -> " + (status == null ? "4xx" : status), head, status);
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
          HTTP.send("PUT", "/deployments", BodyPublishers.ofString(underLimit), "application/json");
      ErrorBody.check(notAllowed.expectStatus(405), 405);
      assertThat(notAllowed.header("Connection")).isNull();
      Http.Reply tooLarge = HTTP.post("/deployments", overLimit).expectStatus(413);
      ErrorBody.check(tooLarge, 413);
      assertThat(tooLarge.header("Connection")).isNull();
      HTTP.get("/services").expectStatus(200);
    }
  }
}
