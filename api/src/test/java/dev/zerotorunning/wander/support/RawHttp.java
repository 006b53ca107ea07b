package dev.zerotorunning.wander.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP/1.1 connection, byte for byte: what a client sees on the wire, including the answer to a
 * request whose body is still being sent, and whether the connection survives it.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;

  public RawHttp(int port) {
    this("127.0.0.1", port);
  }

  public RawHttp(String host, int port) {
    try {
      socket = new Socket(host, port);
      socket.setSoTimeout(20_000);
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request head with a body of {@code length} bytes; headers as name, value pairs. */
  public static String head(String method, String path, long length, String... headers) {
    StringBuilder head =
        new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    return head.append("Content-Length: ").append(length).append("\r\n\r\n").toString();
  }

  /**
   * Sends a request head and body on a thread of its own, the way a client streams a body while the
   * server may already be answering, and reads the answer.
   */
  public Response exchange(String head, byte[] body) {
    CompletableFuture<Void> sent =
        CompletableFuture.runAsync(
            () -> {
              try {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Response response = readResponse();
    sent.join();
    return response;
  }

  /**
   * Sends {@code request} (head and body, as is) and reads the answer; without a Content-Length the
   * answer's body is whatever comes until the server closes the connection.
   */
  public Response exchange(String request) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return readResponse();
  }

  private Response readResponse() {
    try {
      List<Integer> interim = new ArrayList<>();
      String status = readLine();
      while (status.matches("HTTP/1\\.1 1\\d\\d.*")) {
        interim.add(statusCode(status));
        readLine(); // the blank line that ends an interim answer without headers
        status = readLine();
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      String length = headers.get("content-length");
      byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
      return new Response(
          List.copyOf(interim),
          statusCode(status),
          headers,
          new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int statusCode(String statusLine) {
    return Integer.parseInt(statusLine.split(" ")[1]);
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Interim (1xx) statuses, then status, headers (lower-case names) and body of one answer. */
  public record Response(
      List<Integer> interim, int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }
}
