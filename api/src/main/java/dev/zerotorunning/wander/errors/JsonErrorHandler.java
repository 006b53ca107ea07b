package dev.zerotorunning.wander.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerotorunning.wander.api.ErrorBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before Jersey sees the request (a path outside /api, a malformed URI
 * or header), in the API's JSON shape instead of Jetty's HTML page with its version.
 */
public class JsonErrorHandler extends ErrorHandler {
  private final ObjectMapper mapper;

  public JsonErrorHandler(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int code =
        request.getAttribute(ERROR_STATUS) instanceof Integer status
            ? status
            : response.getStatus();
    write(request, response, code, callback);
    return true;
  }

  private void write(Request request, Response response, int code, Callback callback) {
    String message =
        code == 404
            ? "Nothing here: "
                + request.getHttpURI().getPath()
                + " is not an API endpoint; the API is under /api"
            : code >= 500 ? "The server could not complete the request" : "The request was refused";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(json(code, message)), callback);
  }

  private byte[] json(int code, String message) {
    try {
      return mapper.writeValueAsBytes(ErrorBody.now(code, message, List.of()));
    } catch (JsonProcessingException e) {
      return ("{\"error\":\"error\",\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
