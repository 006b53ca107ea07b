package dev.zerotorunning.wander.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** PostgreSQL keeps microseconds; milliseconds are plenty on the wire and in JavaScript. */
final class Timestamps {
  private Timestamps() {}

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().truncatedTo(ChronoUnit.MILLIS);
  }
}
