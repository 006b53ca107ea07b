package dev.zerotorunning.wander.errors;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.jdbi.v3.core.ConnectionException;

/** Tells a lost or unreachable database apart from a bug. */
public final class DatabaseFailures {
  private DatabaseFailures() {}

  public static boolean isUnavailable(Throwable error) {
    return causes(error).anyMatch(DatabaseFailures::meansUnavailable);
  }

  /** SQLState class 22 (data exception): the value itself is wrong, e.g. a NUL in text. */
  public static boolean isBadValue(Throwable error) {
    return causes(error)
        .anyMatch(
            t ->
                t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22"));
  }

  public static String rootMessage(Throwable error) {
    Throwable root = causes(error).reduce((cause, deeper) -> deeper).orElseThrow();
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** The error and its causes, outermost first; stops at a cause that is its own cause. */
  private static Stream<Throwable> causes(Throwable error) {
    return Stream.iterate(error, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
  }

  private static boolean meansUnavailable(Throwable t) {
    return t instanceof ConnectionException
        || t instanceof ConnectException
        || t instanceof SQLTransientConnectionException
        || (t instanceof SQLException sql && isConnectionState(sql.getSQLState()))
        // The pool's "no connection within maxWaitForConnection"; its class is Tomcat-internal.
        || t.getClass().getSimpleName().equals("PoolExhaustedException");
  }

  // 08xxx: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }
}
