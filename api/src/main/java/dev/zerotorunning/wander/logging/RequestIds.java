package dev.zerotorunning.wander.logging;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token (a proxy's
 * or a test's), else a new UUID. The id is echoed in the response and put in the logging context
 * ({@link LogContext#REQUEST_ID}) for every line logged while the request is handled.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String HEADER = "X-Request-Id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String PROPERTY = RequestIds.class.getName();

  @Override
  public void filter(ContainerRequestContext request) {
    String id = idFor(request.getHeaderString(HEADER));
    request.setProperty(PROPERTY, id);
    // Set on every request, so a pooled thread never carries the last request's id.
    MDC.put(LogContext.REQUEST_ID, id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(PROPERTY);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
    MDC.remove(LogContext.REQUEST_ID);
  }

  /** The id of a request that sent {@code given} (null when it sent none). */
  public static String idFor(String given) {
    return given != null && ACCEPTED.matcher(given).matches()
        ? given
        : UUID.randomUUID().toString();
  }
}
