package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.wander.support.RawHttp;
import dev.zerotorunning.wander.support.TestStack;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a client sees on the wire when its body is refused: the JSON error, every time, and a
 * connection it can send its next request on. A body far larger than what Jetty takes on its own
 * after an early answer (16 reads of its 8 KiB buffer) makes the outcome certain rather than
 * dependent on how fast the client sends; bodies under the 16 KiB limit can only be refused for
 * their method or type.
 */
class ConnectionReuseTest {
  private static final TestStack STACK = TestStack.get();
  private static final int LARGE = 600_000;

  @BeforeAll
  static void seed() {
    STACK.resetData();
  }

  @ParameterizedTest(name = "{0} {1} [{2}], {3} bytes -> {4}, then the next request")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST | /api/deployments | application/json | 600000 | 413
          POST | /api/deployments | application/json | 20000  | 413
          PUT  | /api/deployments | application/json | 15000  | 405
          POST | /api/deployments | text/plain       | 15000  | 415
          POST | /api/stats       | application/json | 15000  | 405
          """)
  void aRefusedBodyIsReadSoTheConnectionServesTheNextRequest(
      String method, String path, String type, int size, int expected) throws Exception {
    try (RawHttp connection = new RawHttp(STACK.app().getLocalPort())) {
      RawHttp.Response refused =
          connection.exchange(
              RawHttp.head(method, path, size, "Content-Type", type), jsonOfSize(size));
      assertThat(refused.status()).isEqualTo(expected);
      assertThat(refused.header("Content-Type")).startsWith("application/json");
      assertThat(refused.body()).contains("\"status\":" + expected);
      assertThat(refused.header("Connection")).isNull();

      RawHttp.Response next =
          connection.exchange(RawHttp.head("GET", "/api/services", 0), new byte[0]);
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body()).contains("\"data\"");
    }
  }

  @Test
  void aClientWaitingFor100ContinueGetsTheAnswerWithoutSendingItsBody() throws Exception {
    try (RawHttp connection = new RawHttp(STACK.app().getLocalPort())) {
      RawHttp.Response refused =
          connection.exchange(
              RawHttp.head(
                  "POST",
                  "/api/deployments",
                  LARGE,
                  "Content-Type",
                  "application/json",
                  "Expect",
                  "100-continue"),
              new byte[0]);
      assertThat(refused.interim()).isEmpty();
      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.body()).contains("\"status\":413");
      // The body was never sent, so the server cannot know where the next request would start.
      assertThat(refused.header("Connection")).isEqualTo("close");
    }
  }

  private static byte[] jsonOfSize(int size) {
    String prefix = "{\"service\": \"";
    String suffix = "\"}";
    return (prefix + "a".repeat(size - prefix.length() - suffix.length()) + suffix)
        .getBytes(StandardCharsets.UTF_8);
  }
}
