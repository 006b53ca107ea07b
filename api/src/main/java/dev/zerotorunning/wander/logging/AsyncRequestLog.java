package dev.zerotorunning.wander.logging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The request log, in Dropwizard's classic NCSA format plus the request id: {@code client - -
 * [date] "METHOD /path PROTOCOL" status bytes "referer" "user-agent" millis id}. A request thread
 * copies the fields into a queue; one thread formats and logs them. When the queue is full a line
 * is dropped, never the request slowed; the count of dropped lines is logged once there is room.
 */
final class AsyncRequestLog extends AbstractLifeCycle implements RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final int BATCH = 256;

  private final BlockingQueue<Entry> queue;
  private final AtomicLong dropped = new AtomicLong();
  private volatile Thread writer;

  AsyncRequestLog(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** What one line needs, copied while the request and response objects are still valid. */
  record Entry(
      String client,
      long epochMillis,
      String method,
      String path,
      String protocol,
      int status,
      long bytes,
      String referer,
      String userAgent,
      long millis,
      String requestId) {

    String line() {
      StringBuilder line = new StringBuilder(160);
      line.append(client).append(" - - [").append(DATE.format(Instant.ofEpochMilli(epochMillis)));
      line.append("] \"").append(method).append(' ').append(path).append(' ').append(protocol);
      line.append("\" ").append(status).append(' ').append(bytes);
      line.append(" \"").append(orDash(referer)).append("\" \"").append(orDash(userAgent));
      line.append("\" ").append(millis).append(' ').append(orDash(requestId));
      return line.toString();
    }

    private static String orDash(String value) {
      return value == null ? "-" : value;
    }
  }

  @Override
  public void log(Request request, Response response) {
    Entry entry =
        new Entry(
            Request.getRemoteAddr(request),
            Request.getTimeStamp(request),
            request.getMethod(),
            request.getHttpURI().getPath(),
            request.getConnectionMetaData().getProtocol(),
            response.getStatus(),
            Response.getContentBytesWritten(response),
            request.getHeaders().get(HttpHeader.REFERER),
            request.getHeaders().get(HttpHeader.USER_AGENT),
            NanoTime.millisSince(request.getBeginNanoTime()),
            response.getHeaders().get(RequestIds.HEADER));
    if (!queue.offer(entry)) {
      dropped.incrementAndGet();
    }
  }

  @Override
  protected void doStart() {
    Thread thread = new Thread(this::drain, "request-log");
    thread.setDaemon(true);
    writer = thread;
    thread.start();
  }

  /** Stops taking new lines and writes those already queued. */
  @Override
  protected void doStop() throws InterruptedException {
    Thread thread = writer;
    writer = null;
    if (thread != null) {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private void drain() {
    List<Entry> batch = new ArrayList<>(BATCH);
    while (writer != null) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, BATCH - 1);
      write(batch);
    }
    queue.drainTo(batch);
    write(batch);
  }

  private void write(List<Entry> batch) {
    for (Entry entry : batch) {
      if (entry.requestId() == null) {
        LOG.info(entry.line());
        continue;
      }
      MDC.put(LogContext.REQUEST_ID, entry.requestId());
      try {
        LOG.info(entry.line());
      } finally {
        MDC.remove(LogContext.REQUEST_ID);
      }
    }
    batch.clear();
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      LOG.warn("{} request log lines dropped: requests came faster than the log is written", lost);
    }
  }
}
