package dev.zerotorunning.wander.db;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations in {@code db/migration}; can also wipe the schema for a reset. */
public class DatabaseMigrator {
  private final DataSource dataSource;

  public DatabaseMigrator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Brings the schema up to date. Flyway locks, so concurrent runs are safe. */
  public MigrateResult migrate() {
    return flyway(false).migrate();
  }

  /**
   * Drops every object in the schema. Only {@code db reset} calls this, while the API and the
   * workers may still write: their transactions and the drop can lock the tables in opposite
   * orders, and PostgreSQL ends one side as a deadlock's victim (the drop, which waited first). The
   * drop then starts again: it is idempotent, and the other side has given way by then.
   */
  public void dropEverything() {
    for (int attempt = 1; ; attempt++) {
      try {
        flyway(true).clean();
        return;
      } catch (FlywayException e) {
        if (attempt == DROP_ATTEMPTS || !deadlockVictim(e)) {
          throw e;
        }
      }
    }
  }

  private static final int DROP_ATTEMPTS = 5;
  private static final String DEADLOCK_DETECTED = "40P01";

  private static boolean deadlockVictim(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && DEADLOCK_DETECTED.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private Flyway flyway(boolean allowClean) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .cleanDisabled(!allowClean)
        .load();
  }
}
