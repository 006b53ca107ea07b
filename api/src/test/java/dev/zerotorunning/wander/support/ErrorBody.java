package dev.zerotorunning.wander.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** The API's one error shape: {@code {error, status, timestamp, details}} and nothing internal. */
public final class ErrorBody {
  /** What a body must never show: the server's internals (exceptions, frames, libraries). */
  public static final String LEAK =
      "(?is).*(exception|\\.java|jetty|jersey|dropwizard|jackson|fasterxml|org\\.postgresql"
          + "|java\\.|at [a-z]+\\.[a-z]+\\.).*";

  private ErrorBody() {}

  /** {@code reply} is the JSON error body with {@code status}. */
  public static void check(Http.Reply reply, int status) {
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    JsonNode error = reply.json();
    assertThat(error.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("error", "status", "timestamp", "details");
    assertThat(error.get("status").asInt()).isEqualTo(status);
    assertThat(error.get("error").asText()).isNotBlank();
    assertThat(Instant.parse(error.get("timestamp").asText())).isNotNull();
    assertThat(error.get("details").isArray()).isTrue();
    assertThat(reply.body()).as("internals in the error body").doesNotMatch(LEAK);
  }
}
