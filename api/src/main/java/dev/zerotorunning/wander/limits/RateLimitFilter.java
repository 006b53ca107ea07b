package dev.zerotorunning.wander.limits;

import dev.zerotorunning.wander.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * Counts every write (POST, PUT, PATCH, DELETE) against its client's budget before anything else
 * runs; past the budget the answer is 429 with Retry-After. The client is the remote address, which
 * Jetty takes from X-Forwarded-For because the API sits behind the dashboard's proxy.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  private final WriteRateLimiter limiter;
  @Context private HttpServletRequest servletRequest;

  public RateLimitFilter(WriteRateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!WRITES.contains(request.getMethod())) {
      return;
    }
    WriteRateLimiter.Decision decision = limiter.check(servletRequest.getRemoteAddr());
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      throw new ApiException(
          429,
          "Too many writes: at most %d a minute; try again in %d s"
              .formatted(decision.limit(), decision.retryAfterSeconds()),
          List.of());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof WriteRateLimiter.Decision decision
        && decision.limited()) {
      response.getHeaders().putSingle("X-RateLimit-Limit", decision.limit());
      response.getHeaders().putSingle("X-RateLimit-Remaining", decision.remaining());
      if (!decision.allowed()) {
        response.getHeaders().putSingle("Retry-After", decision.retryAfterSeconds());
      }
    }
  }
}
