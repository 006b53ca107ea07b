package dev.zerotorunning.wander.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for the tests: what goes over the wire is exactly what a user would send.
 * Every answer to a documented operation is checked against the OpenAPI document.
 */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  // HTTP/1.1 as browsers speak it to a plain-http origin: the JDK's default, an h2c upgrade, is
  // never answered by the Vite dev server (its upgrade listener is the HMR websocket).
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  public Http(String base) {
    this.base = base;
  }

  public Reply get(String path) {
    return send("GET", path, BodyPublishers.noBody(), null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, BodyPublishers.noBody(), null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, BodyPublishers.ofString(json), "application/json");
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, BodyPublishers.ofString(json), "application/json");
  }

  public Reply send(
      String method, String path, BodyPublisher body, String contentType, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
      Reply reply = new Reply(response);
      assertThat(
              OpenApiContract.get()
                  .problems(method, response.uri(), reply.status(), reply::header, reply.json))
          .as("the answer keeps to the API's OpenAPI document (openapi.yaml)")
          .isEmpty();
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One response, with its body parsed as JSON when it is JSON. */
  public static final class Reply {
    private final HttpResponse<String> response;
    private final JsonNode json;

    Reply(HttpResponse<String> response) {
      this.response = response;
      JsonNode parsed;
      try {
        parsed = response.body().isEmpty() ? null : JSON.readTree(response.body());
      } catch (IOException e) {
        parsed = null;
      }
      this.json = parsed;
    }

    public int status() {
      return response.statusCode();
    }

    public JsonNode json() {
      assertThat(json).as("JSON body of %s", response.body()).isNotNull();
      return json;
    }

    public boolean isJson() {
      return json != null;
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** The names of the headers sent, in lower case. */
    public Set<String> headerNames() {
      return response.headers().map().keySet().stream()
          .map(name -> name.toLowerCase(Locale.ROOT))
          .collect(Collectors.toCollection(TreeSet::new));
    }

    public Reply expectStatus(int expected) {
      assertThat(status())
          .as("status of %s %s: %s", response.request().method(), response.uri(), body())
          .isEqualTo(expected);
      return this;
    }
  }
}
