package dev.zerotorunning.wander.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * An error answer to a request that carried a body (413, 405, 415, 4xx JSON) may leave part of that
 * body unread, and Jetty then drops the connection after the answer without saying so: a keep-alive
 * client that sends its next request on it gets no answer at all. Saying {@code Connection: close}
 * makes every client open a new connection instead.
 */
@Provider
public class CloseAfterRejectedBody implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    boolean hadBody =
        request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    if (hadBody && response.getStatus() >= 400) {
      response.getHeaders().putSingle("Connection", "close");
    }
  }
}
