package dev.zerotorunning.wander.logging;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.request.logging.old.ClassicLogFormat;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.slf4j.MDC;

/**
 * One NCSA line per request, ending with the request's id, written through logback-classic (logger
 * {@code org.eclipse.jetty.server.RequestLog}) so the {@code logging} settings and format govern it
 * like any other line. Dropwizard's default, logback-access, parsed every query string eagerly (a
 * malformed one such as {@code %G0} made its appender fail after the client had its 400) and warned
 * about its own version at every start.
 */
@JsonTypeName("ncsa")
public class RequestLogFactory
    implements io.dropwizard.request.logging.RequestLogFactory<RequestLog> {

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public RequestLog build(String name) {
    return new IdentifiedRequestLog();
  }

  /** Logs each request with its id in the logging context too: a field of its own in JSON. */
  static final class IdentifiedRequestLog extends CustomRequestLog {
    IdentifiedRequestLog() {
      super(
          new Slf4jRequestLogWriter(),
          ClassicLogFormat.pattern() + " %{" + RequestIds.HEADER + "}o");
    }

    @Override
    public void log(Request request, Response response) {
      String id = response.getHeaders().get(RequestIds.HEADER);
      if (id == null) {
        super.log(request, response);
        return;
      }
      MDC.put(LogContext.REQUEST_ID, id);
      try {
        super.log(request, response);
      } finally {
        MDC.remove(LogContext.REQUEST_ID);
      }
    }
  }
}
