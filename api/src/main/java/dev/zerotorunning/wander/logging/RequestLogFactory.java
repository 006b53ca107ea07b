package dev.zerotorunning.wander.logging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.Min;
import org.eclipse.jetty.server.RequestLog;

/**
 * One NCSA line per request, ending with the request's id, written through logback-classic (logger
 * {@code org.eclipse.jetty.server.RequestLog}) so the {@code logging} settings and format govern it
 * like any other line. Dropwizard's default, logback-access, parsed every query string eagerly (a
 * malformed one such as {@code %G0} made its appender fail after the client had its 400) and warned
 * about its own version at every start. The request thread only copies a few fields; the line is
 * formatted and logged off the hot path ({@link AsyncRequestLog}).
 */
@JsonTypeName("ncsa")
public class RequestLogFactory
    implements io.dropwizard.request.logging.RequestLogFactory<RequestLog> {

  /** Requests waiting to be logged; beyond it lines are dropped (and counted), never waited for. */
  @Min(16)
  @JsonProperty
  private int queueSize = 8192;

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public RequestLog build(String name) {
    return new AsyncRequestLog(queueSize);
  }
}
