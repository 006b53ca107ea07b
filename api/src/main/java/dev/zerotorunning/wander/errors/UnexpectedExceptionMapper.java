package dev.zerotorunning.wander.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort. A lost database is the caller's 503 (try again soon); anything else is a 500
 * with an id to find the stack trace in the log. The trace itself never leaves the server.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    if (DatabaseFailures.isUnavailable(e)) {
      LOG.warn("Database unavailable: {}", DatabaseFailures.rootMessage(e));
      return ErrorResponses.of(
          503, "The database is unavailable; try again in a few seconds", List.of());
    }
    if (DatabaseFailures.isBadValue(e)) {
      LOG.info("Value refused by PostgreSQL: {}", DatabaseFailures.rootMessage(e));
      return ErrorResponses.of(400, "A value in the request cannot be stored", List.of());
    }
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
    LOG.error("Unexpected error {}", id, e);
    return ErrorResponses.of(
        500, "Unexpected server error (id " + id + "); see the API log", List.of());
  }
}
