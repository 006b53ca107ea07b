package dev.zerotorunning.scenarios.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the stack tells a stranger: answers of every kind, errors above all, through the API's port,
 * the dashboard's origin and the admin port, carry no stack trace, no internals (class, library or
 * driver names) and no server version.
 */
@Tag("security")
class ErrorAnswersTest {
  private static final Pattern INTERNALS =
      Pattern.compile(
          "exception|\\.java|jetty|jersey|dropwizard|jackson|fasterxml|org\\.postgresql|java\\."
              + "|at [a-z]+\\.[a-z]+\\.",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SERVER_VERSION =
      Pattern.compile("jetty|[0-9]+\\.[0-9]+|express", Pattern.CASE_INSENSITIVE);
  private static final String BIG = "a".repeat(20_000);
  private static final Project PROJECT = new Project();
  private static final StackUnderTest STACK = PROJECT.stack;

  /** A request on a base URI: a name, a path below the base and how to send it. */
  record Probe(String name, String path, UnaryOperator<HttpRequest.Builder> how) {}

  private static final List<Probe> PROBES =
      List.of(
          new Probe("GET health", "/health", r -> r),
          new Probe("404", "/nope", r -> r),
          new Probe("405", "/services", r -> r.DELETE()),
          new Probe("400 bad JSON", "/deployments", json("{\"service\":")),
          new Probe("400 unknown field", "/deployments", json("{\"nope\":1}")),
          new Probe("400 wrong type", "/deployments", json("{\"service\":[1]}")),
          new Probe(
              "415",
              "/deployments",
              r -> r.header("Content-Type", "text/plain").POST(BodyPublishers.ofString("x"))),
          new Probe("413", "/deployments", json(BIG)),
          new Probe("431", "/services", r -> r.header("X-Pad", BIG)),
          new Probe("414", "/deployments?x=" + BIG, r -> r),
          new Probe("406", "/services", r -> r.header("Accept", "application/xml")),
          new Probe("bad id", "/deployments/1.5", r -> r));

  private static UnaryOperator<HttpRequest.Builder> json(String body) {
    return r -> r.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
  }

  /** Every probe through the API's port and the dashboard's origin, then the admin port's. */
  static Stream<Arguments> answers() {
    List<Arguments> all = new ArrayList<>();
    for (URI base : List.of(STACK.api(), URI.create(STACK.web() + "/api"))) {
      for (Probe probe : PROBES) {
        all.add(Arguments.of(probe.name() + " via " + base, base, probe));
      }
      all.add(Arguments.of("400 bad escape via " + base, base, null));
    }
    all.add(Arguments.of("admin 404", STACK.admin(), new Probe("admin 404", "/nope", r -> r)));
    all.add(
        Arguments.of("admin /ready", STACK.admin(), new Probe("admin /ready", "/ready", r -> r)));
    return all.stream();
  }

  @BeforeEach
  void onlyOnARunningStack() {
    PROJECT.assumeUp();
  }

  @ParameterizedTest(name = "{0}: no stack trace, internals or server version")
  @MethodSource("answers")
  void tellsNoInternals(String name, URI base, Probe probe) {
    Api api = new Api(base);
    Api.Reply reply =
        probe == null
            ? rawGet(base, "/%") // an invalid URI: no HTTP client sends it
            : api.send(probe.how().apply(HttpRequest.newBuilder(api.resolve(probe.path()))));
    String body = reply.body();
    assertThat(INTERNALS.matcher(body).find())
        .as(
            "%s: internals in the body (HTTP %d): %s",
            name, reply.status(), body.substring(0, Math.min(120, body.length())))
        .isFalse();
    assertThat(reply.header("X-Powered-By")).as("%s: X-Powered-By", name).isEmpty();
    reply
        .header("Server")
        .ifPresent(
            server ->
                assertThat(SERVER_VERSION.matcher(server).find())
                    .as("%s: Server: %s", name, server)
                    .isFalse());
  }

  /** GET with a raw request line over a socket, read to the end (Connection: close). */
  static Api.Reply rawGet(URI base, String path) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + base.getPath()
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + base.getAuthority()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = answer.indexOf("\r\n\r\n");
      String head = end < 0 ? answer : answer.substring(0, end);
      List<String> lines = head.lines().toList();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers
              .computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
              .add(line.substring(colon + 1).strip());
        }
      }
      String[] status = lines.isEmpty() ? new String[0] : lines.get(0).split(" ", 3);
      return new Api.Reply(
          status.length > 1 ? Integer.parseInt(status[1]) : 0,
          HttpHeaders.of(headers, (k, v) -> true),
          end < 0 ? "" : answer.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + base + path + " failed", e);
    }
  }
}
