package dev.zerotorunning.scenarios.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Bounded HTTP load on the stack: a fixed number of connections, each a thread sending one request
 * after another (with an optional pause) for a fixed time or until {@link #stop()}. Every answer is
 * kept as a {@link Sample} with its start and end (epoch milliseconds), status, X-Cache value and
 * whether it was well formed, so a scenario can cut the timeline at the moments of its fault. It
 * replaces wrk with a counting script (many requests, no pause) and curl probe loops (one
 * connection, a pause, a timeline).
 */
public final class Load {
  /** One request: its number (0, 1, ...), times, status (0: no answer) and what came back. */
  public record Sample(
      int number,
      long startMs,
      long endMs,
      int status,
      String cache,
      boolean wellFormed,
      String transportError,
      String body) {
    public boolean succeeded() {
      return status >= 200 && status < 300;
    }

    public boolean failed() {
      return !succeeded();
    }

    /** Started after {@code fromMs} and ended before {@code toMs}. */
    public boolean within(long fromMs, long toMs) {
      return startMs > fromMs && endMs < toMs;
    }

    @Override
    public String toString() {
      return "#%d %d..%d %s X-Cache %s%s"
          .formatted(
              number,
              startMs,
              endMs,
              status == 0 ? transportError : String.valueOf(status),
              cache,
              wellFormed ? "" : " (not well formed)");
    }
  }

  /** The figures of a run, as wrk with a counting script printed them. */
  public record Tally(
      int requests,
      int s2xx,
      int s4xx,
      int s5xx,
      int s503,
      int malformed,
      int hit,
      int miss,
      int bypass,
      int transportErrors) {
    public static Tally of(List<Sample> samples) {
      return new Tally(
          samples.size(),
          count(samples, s -> s.status() / 100 == 2),
          count(samples, s -> s.status() / 100 == 4),
          count(samples, s -> s.status() / 100 == 5),
          count(samples, s -> s.status() == 503),
          count(samples, s -> s.status() != 0 && !s.wellFormed()),
          count(samples, s -> "HIT".equals(s.cache())),
          count(samples, s -> "MISS".equals(s.cache())),
          count(samples, s -> "BYPASS".equals(s.cache())),
          count(samples, s -> s.status() == 0));
    }

    /** Everything but a 2xx, transport errors included. */
    public int failures() {
      return requests - s2xx;
    }

    @Override
    public String toString() {
      return "%d requests: %d 2xx, %d 4xx, %d 5xx (%d x 503), %d not well formed, X-Cache %d HIT %d MISS %d BYPASS, %d transport errors"
          .formatted(
              requests, s2xx, s4xx, s5xx, s503, malformed, hit, miss, bypass, transportErrors);
    }
  }

  private static int count(List<Sample> samples, Predicate<Sample> which) {
    return (int) samples.stream().filter(which).count();
  }

  /** GETs of {@code urls}, one after another (round robin over the request numbers). */
  public static Builder get(URI... urls) {
    List<URI> targets = List.of(urls);
    return new Builder(n -> HttpRequest.newBuilder(targets.get(n % targets.size())).GET());
  }

  /** Requests made by {@code request} from their number (0, 1, ...), e.g. POSTs of new records. */
  public static Builder of(IntFunction<HttpRequest.Builder> request) {
    return new Builder(request);
  }

  /** How much load: connections, duration, pause between a connection's requests, timeout. */
  public static final class Builder {
    private final IntFunction<HttpRequest.Builder> request;
    private int connections = 1;
    private Duration duration = Duration.ofSeconds(10);
    private Duration pause = Duration.ZERO;
    private Duration timeout = Duration.ofSeconds(10);
    private boolean keepBodies;

    private Builder(IntFunction<HttpRequest.Builder> request) {
      this.request = request;
    }

    public Builder connections(int connections) {
      this.connections = connections;
      return this;
    }

    /** The longest the load runs; {@link Load#stop()} ends it sooner. */
    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    public Builder pause(Duration pause) {
      this.pause = pause;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Keep each answer's body in its sample (e.g. to read the ids of created records). */
    public Builder keepBodies() {
      this.keepBodies = true;
      return this;
    }

    public Load start() {
      return new Load(this);
    }
  }

  private final Builder settings;
  private final HttpClient client;
  private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final AtomicInteger numbers = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final long deadlineMs;

  private Load(Builder settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout)
            .build();
    this.deadlineMs = System.currentTimeMillis() + settings.duration.toMillis();
    for (int i = 0; i < settings.connections; i++) {
      Thread thread = new Thread(this::run, "load-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void run() {
    while (!stopped.get() && System.currentTimeMillis() < deadlineMs) {
      samples.add(send(numbers.getAndIncrement()));
      if (!settings.pause.isZero()) {
        try {
          Thread.sleep(settings.pause.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private Sample send(int number) {
    long start = System.currentTimeMillis();
    try {
      HttpResponse<String> response =
          client.send(
              settings.request.apply(number).timeout(settings.timeout).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Sample(
          number,
          start,
          System.currentTimeMillis(),
          response.statusCode(),
          response.headers().firstValue("X-Cache").orElse("-"),
          Answers.isWellFormed(response.statusCode(), body),
          null,
          settings.keepBodies ? body : null);
    } catch (IOException e) {
      return new Sample(
          number,
          start,
          System.currentTimeMillis(),
          0,
          "-",
          false,
          e.getClass().getSimpleName(),
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sample(
          number, start, System.currentTimeMillis(), 0, "-", false, "interrupted", null);
    }
  }

  /** What was answered so far, in the order the answers came. */
  public List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** Ends the load now (each connection finishes its request in flight); returns every sample. */
  public List<Sample> stop() {
    stopped.set(true);
    return await();
  }

  /** Waits for the load's own end (its duration); returns every sample. */
  public List<Sample> await() {
    for (Thread thread : threads) {
      try {
        thread.join(settings.duration.toMillis() + settings.timeout.toMillis() + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return samples();
  }

  public Tally tally() {
    return Tally.of(samples());
  }

  @Override
  public String toString() {
    return tally().toString();
  }
}
