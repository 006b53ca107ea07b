package dev.zerotorunning.wander.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.zerotorunning.wander.api.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request body that is not the JSON we expect: 400 naming the field, never Jackson's internals.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Override
  public Response toResponse(JsonProcessingException e) {
    // Jackson wraps what the body stream throws, such as the size limit's 413.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException api) {
        return ErrorResponses.of(api.status(), api.getMessage(), api.details());
      }
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = unknown.getPropertyName();
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      return ErrorResponses.of(
          400,
          "Unknown field '" + field + "'",
          List.of(new FieldError(field, "is not accepted; known fields: " + known)));
    }
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      return ErrorResponses.of(
          400,
          "Field '" + field + "' has the wrong type",
          List.of(new FieldError(field, "has the wrong type")));
    }
    if (e instanceof MismatchedInputException) {
      return ErrorResponses.of(400, "The request body must be a JSON object", List.of());
    }
    return ErrorResponses.of(400, "The request body is not valid JSON", List.of());
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
