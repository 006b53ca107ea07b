package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.TestStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Jetty answers before Jersey sees a request: JSON too, and nothing about the server. */
class JettyErrorsTest {
  private final TestStack stack = TestStack.get();

  @ParameterizedTest
  @ValueSource(strings = {"/", "/index.html", "/admin", "/api", "/WEB-INF/web.xml"})
  void pathsOutsideTheApiAre404Json(String path) {
    Http root = new Http("http://localhost:" + stack.app().getLocalPort());
    Http.Reply reply = root.get(path);
    assertThat(reply.status()).isIn(404, 405);
    BadInputTest.assertErrorBody(reply, reply.status());
    assertThat(reply.header("Server")).isNull();
    assertThat(reply.body()).doesNotContainIgnoringCase("jetty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /api/%zz HTTP/1.1",
        "GET /api/deployments?limit=%G0 HTTP/1.1",
        "GET /api/../../etc/passwd HTTP/1.1",
        "BREW /api/deployments HTTP/1.1",
      })
  void malformedRequestsAre4xxWithoutServerDetails(String requestLine) throws IOException {
    String response = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    int status = Integer.parseInt(response.substring(9, 12));
    assertThat(status).isBetween(400, 499);
    assertThat(response).doesNotContainIgnoringCase("jetty").doesNotContain("<html");
    assertThat(response.toLowerCase()).contains("content-type: application/json");
  }

  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("localhost", stack.app().getLocalPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
