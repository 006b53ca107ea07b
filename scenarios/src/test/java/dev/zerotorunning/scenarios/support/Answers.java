package dev.zerotorunning.scenarios.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** What the API's answers must look like, whatever went wrong behind it. */
public final class Answers {
  private static final Pattern ISO_INSTANT =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$");

  private Answers() {}

  /**
   * The API's JSON error body for {@code status}: {@code error} (text), {@code status} (the same
   * number), {@code details} (a list) and {@code timestamp} (UTC, ISO 8601).
   */
  public static boolean isErrorBody(int status, String body) {
    JsonNode json = jsonOrNull(body);
    return json != null
        && json.path("error").isTextual()
        && json.path("status").isNumber()
        && json.path("status").asInt() == status
        && json.path("details").isArray()
        && ISO_INSTANT.matcher(json.path("timestamp").asText()).matches();
  }

  /**
   * An answer a client can use: a 2xx with JSON holding {@code data} (or {@code status}, the health
   * report), or a 4xx/5xx that is the JSON error body of its status.
   */
  public static boolean isWellFormed(int status, String body) {
    if (status >= 200 && status < 300) {
      JsonNode json = jsonOrNull(body);
      return json != null && (json.has("data") || json.has("status"));
    }
    return status >= 400 && status < 600 && isErrorBody(status, body);
  }

  private static JsonNode jsonOrNull(String body) {
    try {
      return body == null || body.isBlank() ? null : Compose.parse(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
