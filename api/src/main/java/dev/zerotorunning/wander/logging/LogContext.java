package dev.zerotorunning.wander.logging;

/** The names under which log lines carry their context (MDC keys; fields in LOG_FORMAT=json). */
public final class LogContext {
  /** The id of the HTTP request being handled (see {@link RequestIds}). */
  public static final String REQUEST_ID = "request_id";

  /** The deployment whose rollout a worker is running. */
  public static final String DEPLOYMENT_ID = "deployment_id";

  private LogContext() {}
}
