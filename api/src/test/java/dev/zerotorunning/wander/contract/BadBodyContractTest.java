package dev.zerotorunning.wander.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Malformed, mistyped, hostile, oversized and wrongly typed bodies of POST and PATCH, and hostile
 * filter values: each gets a 4xx JSON error body and stores nothing.
 */
class BadBodyContractTest extends Rejection {
  private static final String[] FIELDS = {"service", "environment", "version", "deployed_by"};
  private static final String PATCH = "/deployments/{final}";

  /** Strings an attacker tries in every field (NUL included: PostgreSQL text cannot hold it). */
  private static final String[] HOSTILE = {
    "' OR '1'='1",
    "'; DROP TABLE deployments;--",
    "frontend'--",
    "1; SELECT pg_sleep(5)",
    "<script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "${jndi:ldap://127.0.0.1/a}",
    "../../../../etc/passwd",
    "front\\u0000end",
    "\\ud800",
    "%00%27"
  };

  /** The cases of {@link Rejection#answersWithA4xxJsonError}. */
  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    // Malformed and truncated JSON, and JSON that is not an object.
    for (String v :
        List.of(
            "{",
            "{\"service\":",
            "{\"service\":\"frontend\"",
            "{\"service\":\"frontend\",}",
            "{'service':'frontend'}",
            "not json",
            "[1,2",
            "{\"a\":1}}",
            " ",
            "null",
            "[]",
            "\"x\"",
            "123",
            "true",
            "NaN",
            VALID + " trailing",
            VALID + VALID,
            "/* c */{}",
            VALID.substring(0, VALID.length() - 1))) {
      cases.add(json("POST", "/deployments", v, 400));
    }
    cases.add(json("POST", "/deployments", "", 400));
    cases.add(
        new Case(
            "POST",
            "/deployments",
            "application/json",
            new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'},
            false,
            Expect.ANY_4XX,
            0));
    for (int i : new int[] {1, 5, 12, 20, 31, 44, 57, 70, 83, VALID.length() - 1}) {
      cases.add(json("POST", "/deployments", VALID.substring(0, i), 400));
    }
    // Wrong types, missing, unknown and duplicate fields.
    for (String f : FIELDS) {
      for (String v : List.of("123", "true", "[]", "{}", "1.5", "null", "[\"frontend\"]")) {
        cases.add(json4xx("POST", "/deployments", bodyWith(f, v)));
      }
      cases.add(json("POST", "/deployments", bodyWithout(f), 422));
      cases.add(json("POST", "/deployments", withExtra(f), 400));
    }
    for (String f : List.of("id", "status", "started_at", "extra", "Service", "admin")) {
      cases.add(json("POST", "/deployments", withExtra(f), 400));
    }
    cases.add(
        json(
            "POST",
            "/deployments",
            "{\"service\":null,\"environment\":null,\"version\":null,\"deployed_by\":null}",
            422));
    cases.add(json("POST", "/deployments", "{\"service\":\"frontend\"}", 422));
    // Values the rules refuse: unknown names, bad versions and e-mails.
    for (String v : List.of("\"prod\"", "\"PRODUCTION\"", "\"Staging \"", "\"\"", "\"   \"")) {
      cases.add(json("POST", "/deployments", bodyWith("environment", v), 422));
    }
    for (String v : List.of("\"Frontend\"", "\"front end\"", "\"*\"")) {
      cases.add(json("POST", "/deployments", bodyWith("service", v), 422));
    }
    for (String v : List.of("\"1.2\"", "\"v1.2.3.4\"", "\"01.2.3\"", "\"v-1.0.0\"")) {
      cases.add(json("POST", "/deployments", bodyWith("version", v), 422));
    }
    for (String v : List.of("\"nobody\"", "\"@example.com\"", "\"a b@example.com\"")) {
      cases.add(json("POST", "/deployments", bodyWith("deployed_by", v), 422));
    }
    // Huge strings: under the 16 KiB limit 422, over it 413 (also streamed without a length).
    for (String f : FIELDS) {
      cases.add(json("POST", "/deployments", bodyWith(f, "\"" + "a".repeat(15_000) + "\""), 422));
    }
    cases.add(
        json(
            "POST",
            "/deployments",
            bodyWith("version", "\"v1.0.0-" + "x".repeat(100) + "\""),
            422));
    byte[] raw17k = utf8("a".repeat(17_000));
    byte[] over20k = utf8("{\"service\": \"" + "a".repeat(20_000) + "\"}");
    byte[] oneMiB = utf8("{\"service\":\"" + "a".repeat(1 << 20) + "\"}");
    for (byte[] big : List.of(raw17k, over20k, oneMiB)) {
      cases.add(sized("POST", "/deployments", big, false, 413));
    }
    cases.add(sized("POST", "/deployments", over20k, true, 413));
    cases.add(sized("POST", "/deployments", oneMiB, true, 413));
    cases.add(sized("POST", "/deployments", raw17k, true, 400));
    cases.add(sized("PATCH", PATCH, raw17k, false, 413));
    // Hostile strings in every field, in PATCH bodies, and as filter values.
    for (String p : HOSTILE) {
      String v = jsonString(p);
      for (String f : FIELDS) {
        cases.add(json("POST", "/deployments", bodyWith(f, v), 422));
      }
      cases.add(json4xx("PATCH", PATCH, "{\"status\":" + v + "}"));
      cases.add(
          json4xx("PATCH", PATCH, "{\"status\":\"in_progress\",\"error_message\":" + v + "}"));
      String query = URLEncoder.encode(p, StandardCharsets.UTF_8);
      cases.add(get("/deployments?service=" + query, Expect.NO_MATCH));
      cases.add(get("/deployments?environment=" + query, Expect.NO_MATCH));
      cases.add(get("/deployments?status=" + query, 400));
    }
    cases.add(
        json4xx("PATCH", PATCH, "{\"status\":\"failed\",\"error_message\":\"stuck\\u0000here\"}"));
    cases.add(
        json("PATCH", PATCH, "{\"status\":\"in_progress\",\"error_message\":\"x\\u0000\"}", 422));
    cases.add(get("/deployments?service=front%00end", 400));
    cases.add(get("/deployments?environment=stag%00ing", 400));
    // Wrong content types, and none.
    for (String t :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "text/json")) {
      cases.add(new Case("POST", "/deployments", t, utf8(VALID), false, Expect.EXACT, 415));
      cases.add(
          new Case(
              "PATCH", PATCH, t, utf8("{\"status\":\"completed\"}"), false, Expect.EXACT, 415));
    }
    cases.add(new Case("POST", "/deployments", null, utf8(VALID), false, Expect.EXACT, 415));
    // PATCH: malformed, wrong types, unknown statuses, extra fields, and every status (final).
    for (String v :
        List.of(
            "{",
            "{\"status\":",
            "null",
            "[]",
            "",
            "{\"status\":1}",
            "{\"status\":true}",
            "{\"status\":[]}",
            "{\"status\":{}}",
            "{}",
            "{\"status\":\"done\"}",
            "{\"status\":\"PENDING\"}",
            "{\"status\":\"rolled back\"}",
            "{\"status\":\"\"}",
            "{\"status\":\"in_progress\",\"foo\":1}",
            "{\"status\":\"completed\",\"status\":\"failed\"}",
            "{\"status\":\"completed\",\"error_message\":\"not allowed\"}",
            "{\"status\":\"failed\",\"error_message\":\"" + "a".repeat(2500) + "\"}")) {
      cases.add(json4xx("PATCH", PATCH, v));
    }
    for (String v : List.of("pending", "in_progress", "completed", "failed", "rolled_back")) {
      cases.add(json("PATCH", PATCH, "{\"status\":\"" + v + "\"}", 409));
    }
    return cases.stream().map(Case::arguments);
  }

  private static Case sized(String method, String path, byte[] body, boolean chunked, int status) {
    return new Case(method, path, "application/json", body, chunked, Expect.EXACT, status);
  }

  /** A valid POST body with one field's value replaced by raw JSON text. */
  static String bodyWith(String field, String json) {
    StringBuilder body = new StringBuilder("{");
    String[] values = {"\"frontend\"", "\"staging\"", "\"v1.2.3\"", "\"bad@chaos.example\""};
    for (int i = 0; i < FIELDS.length; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append('"')
          .append(FIELDS[i])
          .append("\":")
          .append(FIELDS[i].equals(field) ? json : values[i]);
    }
    return body.append('}').toString();
  }

  private static String bodyWithout(String field) {
    return bodyWith(field, "\"-\"")
        .replace("\"" + field + "\":\"-\",", "")
        .replace(",\"" + field + "\":\"-\"", "");
  }

  /** The valid body with one more field, {@code "field":"x"}: unknown, or a duplicate. */
  private static String withExtra(String field) {
    return VALID.substring(0, VALID.length() - 1) + ",\"" + field + "\":\"x\"}";
  }

  /**
   * {@code text} as a JSON string; its {@code \\u} sequences stay JSON escapes (NUL, surrogates).
   */
  private static String jsonString(String text) {
    try {
      return new ObjectMapper().writeValueAsString(text).replace("\\\\u", "\\u");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
