package dev.zerotorunning.wander.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * make reset-db while the worker writes: the drop and a worker's transaction can lock the same
 * tables in opposite orders, and PostgreSQL then ends one of them as a deadlock's victim. The drop
 * is the one that waited first, so it is the victim; it must start again instead of failing the
 * reset (seen once in make chaos, with 115 rollouts queued).
 */
class DatabaseMigratorTest {
  private static EmbeddedPostgres postgres;
  private static DataSource db;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("deadlock_timeout", "200ms").start();
    db = postgres.getPostgresDatabase();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aDropThatADeadlockEndsStartsAgainAndDropsEverything() throws Exception {
    DatabaseMigrator migrator = new DatabaseMigrator(db);
    boolean deadlocked = false;
    // A "worker" holds one table while the drop takes the others; which tables the drop takes
    // before it waits depends on Flyway's order, so try each table until the drop waits holding
    // one.
    migrator.migrate();
    for (String table : tables()) {
      migrator.migrate();
      try (Connection worker = db.getConnection()) {
        worker.setAutoCommit(false);
        execute(worker, "LOCK TABLE " + table + " IN ACCESS SHARE MODE");
        CompletableFuture<Void> drop = CompletableFuture.runAsync(migrator::dropEverything);
        List<String> held = tablesHeldWhileWaiting(worker, drop);
        if (!held.isEmpty()) {
          // the worker now wants a table the drop holds: a deadlock, the drop its victim
          execute(worker, "LOCK TABLE " + held.get(0) + " IN ACCESS SHARE MODE");
          deadlocked = true;
        }
        worker.commit();
        drop.get(60, TimeUnit.SECONDS);
      }
      assertThat(tables()).as("tables left after the drop (worker held %s)", table).isEmpty();
      if (deadlocked) {
        break;
      }
    }
    assertThat(deadlocked).as("some order made the drop wait while holding a table").isTrue();
  }

  /**
   * The tables the drop holds once it waits for the worker's; empty if it never waits holding one.
   */
  private static List<String> tablesHeldWhileWaiting(
      Connection worker, CompletableFuture<Void> drop) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!drop.isDone() && Instant.now().isBefore(deadline)) {
      List<String> held =
          strings(
              worker,
              "SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                  + " WHERE l.pid IN (SELECT pid FROM pg_locks WHERE NOT granted)"
                  + " AND l.granted AND l.mode = 'AccessExclusiveLock' AND c.relkind = 'r'");
      if (!held.isEmpty() || waiting(worker)) {
        return held;
      }
      Thread.sleep(20);
    }
    return List.of();
  }

  private static boolean waiting(Connection c) throws SQLException {
    return !strings(c, "SELECT pid::text FROM pg_locks WHERE NOT granted").isEmpty();
  }

  private static List<String> tables() throws SQLException {
    try (Connection c = db.getConnection()) {
      return strings(
          c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
