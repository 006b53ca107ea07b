package dev.zerotorunning.wander.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where the HTTP contract suite ({@code dev.zerotorunning.wander.contract}) sends its requests: the
 * embedded stack (TestStack, seeded once) by default, or a running stack whose {@code /api/...}
 * lives under {@code -Dcontract.baseUrl} (make e2e: the web origin; make chaos: the API's port). On
 * a running stack other scenarios may have written too, so the suite creates its own records and
 * asserts only what holds whatever else is there.
 */
public final class ContractTarget {
  /** The system property that names a running stack's base URL (no trailing /api). */
  public static final String BASE_URL = "contract.baseUrl";

  /** How long a worker may take over a rollout on a loaded machine: a safety net, not a measure. */
  private static final Duration ROLLOUT_DEADLINE = Duration.ofMinutes(2);

  private static ContractTarget instance;

  private final URI origin;
  private final TestStack stack;
  private final Http http;

  private ContractTarget(URI origin, TestStack stack) {
    this.origin = origin;
    this.stack = stack;
    this.http = new Http(origin + OpenApiContract.BASE_PATH);
  }

  public static synchronized ContractTarget get() {
    if (instance == null) {
      String base = System.getProperty(BASE_URL, "").strip();
      if (base.isEmpty()) {
        TestStack stack = TestStack.get();
        stack.resetData(); // a JVM that runs only the contract suite starts from an empty database
        instance =
            new ContractTarget(URI.create("http://localhost:" + stack.app().getLocalPort()), stack);
      } else {
        instance = new ContractTarget(URI.create(base.replaceAll("/+$", "")), null);
      }
    }
    return instance;
  }

  /** The API: paths are relative to {@code /api}. */
  public Http http() {
    return http;
  }

  /** {@code http://host:port} of the target, as a client would name it. */
  public URI origin() {
    return origin;
  }

  /** One raw HTTP/1.1 connection to the target, for requests a URI-checking client cannot send. */
  public RawHttp raw() {
    return new RawHttp(origin.getHost(), origin.getPort());
  }

  /**
   * Waits until no rollout runs: a worker's every step flushes the cache, so a MISS-then-HIT check
   * on a running stack needs the rollouts (its own earlier writes) over first. The embedded stack
   * runs no worker.
   */
  public void awaitNoRolloutRunning() {
    if (stack != null) {
      return;
    }
    await("no automated deployment pending or in progress on " + origin)
        .atMost(ROLLOUT_DEADLINE)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> automatedIn("pending").isEmpty() && automatedIn("in_progress").isEmpty());
  }

  private List<Long> automatedIn(String status) {
    JsonNode page = http.get("/deployments?limit=100&status=" + status).expectStatus(200).json();
    List<Long> ids = new java.util.ArrayList<>();
    page.get("data")
        .forEach(
            d -> {
              if (d.get("automated").asBoolean()) {
                ids.add(d.get("id").asLong());
              }
            });
    return ids;
  }

  /**
   * The deployment once its rollout is over. A running stack's worker finishes it (completed or
   * failed); the embedded stack has no worker, so the test writes what its last step writes.
   */
  public JsonNode finishedRollout(long id) {
    if (stack != null) {
      stack
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE deployments SET status = 'completed', completed_at = now()"
                          + " WHERE id = ?",
                      id));
    }
    return await("the rollout of deployment " + id + " is over")
        .atMost(ROLLOUT_DEADLINE)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> http.get("/deployments/" + id).expectStatus(200).json().get("data"),
            d -> d.get("status").asText().matches("completed|failed"));
  }
}
