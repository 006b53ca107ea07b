package dev.zerotorunning.wander.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Jersey's own refusals (no route, wrong method, wrong media type) in our JSON error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String path = uriInfo == null ? "" : "/" + uriInfo.getPath();
    String message =
        switch (status) {
          case 404 -> "Nothing here: " + path + " is not an API endpoint";
          case 405 -> "Method not allowed on " + path;
          case 406 -> "This API only answers application/json";
          case 415 -> "Send the request body as application/json";
          default ->
              status >= 500
                  ? "The server could not complete the request"
                  : "The request was refused";
        };
    Response response = ErrorResponses.of(status, message, List.of());
    String allow = e.getResponse().getHeaderString("Allow");
    return allow == null
        ? response
        : Response.fromResponse(response).header("Allow", allow).build();
  }
}
