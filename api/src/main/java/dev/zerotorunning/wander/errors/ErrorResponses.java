package dev.zerotorunning.wander.errors;

import dev.zerotorunning.wander.api.ErrorBody;
import dev.zerotorunning.wander.api.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the one JSON error body every mapper answers with. */
final class ErrorResponses {
  private ErrorResponses() {}

  static Response of(int status, String message, List<FieldError> details) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .entity(ErrorBody.now(status, message, details))
        .build();
  }
}
