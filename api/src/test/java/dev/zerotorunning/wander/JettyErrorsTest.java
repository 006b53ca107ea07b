package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.wander.support.ErrorBody;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.TestStack;
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
    ErrorBody.check(reply, reply.status());
    assertThat(reply.header("Server")).isNull();
    assertThat(reply.body()).doesNotContainIgnoringCase("jetty");
  }
}
