package dev.zerotorunning.wander.errors;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;

/** Tells a lost or unreachable database apart from a bug. */
public final class DatabaseFailures {
  private DatabaseFailures() {}

  public static boolean isUnavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectionException
          || t instanceof ConnectException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      // The pool's "no connection within maxWaitForConnection"; its class is Tomcat-internal.
      if (t.getClass().getSimpleName().equals("PoolExhaustedException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** SQLState class 22 (data exception): the value itself is wrong, e.g. a NUL in text. */
  public static boolean isBadValue(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")) {
        return true;
      }
    }
    return false;
  }

  public static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  // 08xxx: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }
}
