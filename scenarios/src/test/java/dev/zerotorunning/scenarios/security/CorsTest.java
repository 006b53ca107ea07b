package dev.zerotorunning.scenarios.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CORS lets no other origin in: no Access-Control-Allow-Origin for a foreign origin, on a GET or a
 * preflight, through the API's port or the dashboard's origin; and never {@code *}.
 */
@Tag("security")
class CorsTest {
  private static final Project PROJECT = new Project();
  private static final StackUnderTest STACK = PROJECT.stack;
  private static final List<URI> URLS =
      List.of(
          URI.create(STACK.api() + "/deployments"),
          URI.create(STACK.web() + "/api/deployments"),
          URI.create(STACK.api() + "/services"),
          URI.create(STACK.web() + "/"));
  private static final List<String> FOREIGN_ORIGINS =
      List.of("https://evil.example", "null", "http://127.0.0.1.evil.example");

  static Stream<Arguments> foreignRequests() {
    List<Arguments> all = new ArrayList<>();
    for (URI url : URLS) {
      for (String origin : FOREIGN_ORIGINS) {
        all.add(Arguments.of("GET", url, origin));
        all.add(Arguments.of("preflight", url, origin));
      }
    }
    return all.stream();
  }

  static Stream<URI> urls() {
    return URLS.stream();
  }

  @BeforeEach
  void onlyOnARunningStack() {
    PROJECT.assumeUp();
  }

  @ParameterizedTest(name = "{0} {1} from {2}: no Access-Control-Allow-Origin")
  @MethodSource("foreignRequests")
  void aForeignOriginIsNotAllowed(String how, URI url, String origin) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Origin", origin);
    if (how.equals("preflight")) {
      request
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
          .header("Access-Control-Request-Method", "POST")
          .header("Access-Control-Request-Headers", "content-type");
    }
    assertThat(new Api(url).send(request).header("Access-Control-Allow-Origin"))
        .as("%s %s from %s: Access-Control-Allow-Origin", how, url, origin)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} never allows any origin (*)")
  @MethodSource("urls")
  void noUrlAllowsAnyOrigin(URI url) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).header("Origin", "http://localhost:5173");
    assertThat(new Api(url).send(request).header("Access-Control-Allow-Origin"))
        .as("%s: Access-Control-Allow-Origin", url)
        .isNotEqualTo(java.util.Optional.of("*"));
  }
}
