package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerotorunning.wander.support.Await;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.TestStack;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LOG_FORMAT=json: every line the API writes is one JSON object, and a request's id is the same in
 * its response and in the log.
 */
class LogFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestStack stack = TestStack.get();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream console;
  private DropwizardTestSupport<WanderConfiguration> app;
  private Http http;

  @BeforeEach
  void startWithJsonLogs() throws Exception {
    stack.resetData();
    console = System.out;
    System.setOut(new PrintStream(new Tee(console, captured), true, StandardCharsets.UTF_8));
    app =
        TestStack.startApp(
            stack.jdbcUrl(),
            stack.redisUri(),
            "logging.appenders[0].layout.format=json",
            "logging.level=INFO");
    http = new Http("http://localhost:" + app.getLocalPort() + "/api");
  }

  @AfterEach
  void stop() {
    app.after();
    System.setOut(console);
  }

  @Test
  void eachLineIsJsonAndTheRequestIdMatchesTheResponse() {
    Http.Reply given = http.send("GET", "/services", noBody(), null, "X-Request-Id", "trace-42.a");
    assertThat(given.header("X-Request-Id")).isEqualTo("trace-42.a");
    Http.Reply generated = http.get("/deployments?limit=1");
    String id = generated.header("X-Request-Id");
    assertThat(id).matches("[0-9a-f-]{36}");
    // Not a token: replaced, never echoed into headers or logs.
    Http.Reply refused = http.send("GET", "/services", noBody(), null, "X-Request-Id", "a b<c>");
    assertThat(refused.header("X-Request-Id")).matches("[0-9a-f-]{36}");

    JsonNode givenLine =
        Await.until("the request log line of trace-42.a", WAIT, () -> line("trace-42.a"));
    assertThat(givenLine.get("message").asText()).contains("GET /api/services");
    assertThat(givenLine.get("level").asText()).isEqualTo("INFO");
    assertThat(givenLine.get("logger").asText()).isEqualTo("org.eclipse.jetty.server.RequestLog");
    assertThat(givenLine.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonNode generatedLine = Await.until("the request log line of " + id, WAIT, () -> line(id));
    assertThat(generatedLine.get("message").asText())
        .contains("\"GET /api/deployments HTTP/1.1\" 200");

    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(parse(line)).as("a JSON object: %s", line).isPresent();
    }
  }

  private static final Duration WAIT = Duration.ofSeconds(20);

  private JsonNode line(String requestId) {
    return captured
        .toString(StandardCharsets.UTF_8)
        .lines()
        .map(LogFormatTest::parse)
        .flatMap(Optional::stream)
        .filter(node -> requestId.equals(node.path("request_id").asText(null)))
        .findFirst()
        .orElse(null);
  }

  private static Optional<JsonNode> parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static java.net.http.HttpRequest.BodyPublisher noBody() {
    return java.net.http.HttpRequest.BodyPublishers.noBody();
  }

  /** Writes to the console as before and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }
  }
}
