package dev.zerotorunning.wander.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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

  /** Drops every object in the schema. Only {@code db reset} calls this. */
  public void dropEverything() {
    flyway(true).clean();
  }

  private Flyway flyway(boolean allowClean) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .cleanDisabled(!allowClean)
        .load();
  }
}
