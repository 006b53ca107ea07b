package dev.zerotorunning.wander.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The one error shape the API answers with. */
public record ErrorBody(String error, int status, Instant timestamp, List<FieldError> details) {

  /** An error stamped now, to the millisecond. */
  public static ErrorBody now(int status, String message, List<FieldError> details) {
    return new ErrorBody(message, status, Instant.now().truncatedTo(ChronoUnit.MILLIS), details);
  }
}
