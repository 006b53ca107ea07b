package dev.zerotorunning.wander.errors;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.time.Duration;

/**
 * Reads and discards what is left of a request body before the answer goes out, up to a bound.
 *
 * <p>An answer given before the body was read (413 on Content-Length, 405, 415, a 4xx from a body
 * cut short) would otherwise leave the client's bytes unread. Jetty then closes the connection with
 * data still in its receive buffer, the kernel answers the client's next segment with a TCP reset,
 * and a client still sending its body sees "broken pipe" or "connection reset" instead of our JSON
 * error. Jetty's own effort ({@code HttpConfiguration.maxUnconsumedRequestContentReads}) only takes
 * what has already arrived. Draining here, before the answer is committed, lets the client finish
 * sending, read the answer, and keep its connection. A body past {@link #MAX_DRAIN_BYTES} or {@link
 * #MAX_DRAIN_TIME} is not worth the server's time: that answer says {@code Connection: close}.
 */
@Provider
public class DrainUnreadBody implements ContainerResponseFilter {
  /** 64 times the largest body we accept: a client that overshoots by a little keeps its answer. */
  static final long MAX_DRAIN_BYTES = 1024 * 1024;

  /** Checked between reads; a single read is bounded by the connector's idle timeout. */
  static final Duration MAX_DRAIN_TIME = Duration.ofSeconds(5);

  @Context private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!declaresBody(request)) {
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeaderString("Expect"))) {
      // The client waits for our go-ahead before it sends the body, and touching the input would
      // give it (Jetty answers 100 Continue). Without the body, where the next request would
      // start is unknown: close the connection.
      response.getHeaders().putSingle("Connection", "close");
      return;
    }
    if (!drain()) {
      response.getHeaders().putSingle("Connection", "close");
    }
  }

  private static boolean declaresBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
  }

  /** True when the body was read to its end within the bounds. */
  private boolean drain() {
    long deadline = System.nanoTime() + MAX_DRAIN_TIME.toNanos();
    byte[] buffer = new byte[8192];
    long drained = 0;
    try {
      ServletInputStream in = servletRequest.getInputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        drained += n;
        if (drained > MAX_DRAIN_BYTES || System.nanoTime() > deadline) {
          return false;
        }
      }
      return true;
    } catch (IOException | IllegalStateException e) {
      // The client went away, or the body was taken as a reader: nothing more to save.
      return false;
    }
  }
}
