package dev.zerotorunning.wander.errors;

import dev.zerotorunning.wander.api.FieldError;
import java.util.List;

/**
 * An error meant for the caller: its status, a sentence a person understands, and field details.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  // transient: JDK 18+ lint flags a non-serializable field; exceptions here are never serialised
  private final transient List<FieldError> details;

  public ApiException(int status, String message, List<FieldError> details) {
    super(message, null, false, false);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public static ApiException badRequest(String message, List<FieldError> details) {
    return new ApiException(400, message, details);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message, List.of());
  }

  public static ApiException unprocessable(String message, List<FieldError> details) {
    return new ApiException(422, message, details);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message, List.of());
  }

  public int status() {
    return status;
  }

  public List<FieldError> details() {
    return details;
  }
}
