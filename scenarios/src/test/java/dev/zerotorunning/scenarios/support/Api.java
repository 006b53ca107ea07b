package dev.zerotorunning.scenarios.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** HTTP/1.1 calls on the stack (the Vite dev server never answers an h2c upgrade). */
public final class Api {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final URI base;

  /** Calls relative to {@code base}, e.g. the stack's {@link StackUnderTest#api()}. */
  public Api(URI base) {
    this.base = base;
  }

  /** An answer: status, headers, and the body as text and (when it is JSON) as a tree. */
  public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public JsonNode json() {
      return Compose.parse(body);
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET());
  }

  public Reply postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any request, e.g. with headers of its own. */
  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new AssertionError(
          request.build().method() + " " + request.build().uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public URI resolve(String path) {
    return URI.create(base.toString() + path);
  }
}
