package dev.zerotorunning.wander.cli;

import dev.zerotorunning.wander.JsonMapping;
import dev.zerotorunning.wander.WanderConfiguration;
import dev.zerotorunning.wander.cache.CacheMetrics;
import dev.zerotorunning.wander.cache.RedisConnection;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.db.DatabaseMigrator;
import dev.zerotorunning.wander.db.Seeder;
import dev.zerotorunning.wander.queue.RolloutQueue;
import dev.zerotorunning.wander.worker.RolloutSettings;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.lettuce.core.RedisException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code db migrate|seed|setup|reset config.yml}: what the stack's one-shot migrate service and
 * {@code make reset-db} run. Prints one line per step; failures are one line too.
 */
public class DbCommand extends ConfiguredCommand<WanderConfiguration> {
  private static final Duration WAIT_FOR_DATABASE = Duration.ofSeconds(60);

  public DbCommand() {
    super(
        "db",
        "Database tasks: migrate, seed, setup (migrate + seed if empty), reset (drop, migrate,"
            + " seed, flush cache)");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("action")
        .choices("migrate", "seed", "setup", "reset")
        .help(
            "migrate: apply migrations; seed: add sample data if none; setup: both; reset: start"
                + " over");
    super.configure(subparser);
  }

  @Override
  protected void run(
      Bootstrap<WanderConfiguration> bootstrap, Namespace namespace, WanderConfiguration config)
      throws Exception {
    String action = namespace.getString("action");
    PrintStream out = System.out;
    ManagedDataSource dataSource =
        config.getDataSourceFactory().build(bootstrap.getMetricRegistry(), "db-" + action);
    try {
      waitForDatabase(dataSource, config.getDataSourceFactory().getUrl(), out);
      DatabaseMigrator migrator = new DatabaseMigrator(dataSource);
      Seeder seeder = new Seeder(Jdbi.create(dataSource));
      switch (action) {
        case "migrate" -> migrate(migrator, out);
        case "seed" -> seed(seeder, out);
        case "setup" -> {
          migrate(migrator, out);
          seed(seeder, out);
        }
        case "reset" -> {
          migrator.dropEverything();
          out.println("Dropped every table.");
          migrate(migrator, out);
          seed(seeder, out);
          flushCache(bootstrap, config, out);
        }
        default -> throw new IllegalArgumentException("unknown action " + action);
      }
    } finally {
      dataSource.stop();
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    cli.getStdErr()
        .println("db " + namespace.getString("action") + " failed: " + root.getMessage());
  }

  private static void migrate(DatabaseMigrator migrator, PrintStream out) {
    MigrateResult result = migrator.migrate();
    out.printf(
        "Schema at version %s (%d migration(s) applied now).%n",
        result.targetSchemaVersion == null
            ? result.initialSchemaVersion
            : result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  private static void seed(Seeder seeder, PrintStream out) {
    Seeder.Result result = seeder.seed();
    if (result.deployments() > 0) {
      out.printf(
          "Seeded %d services, %d environments and %d sample deployments.%n",
          result.services(), result.environments(), result.deployments());
    } else {
      out.printf(
          "Reference data up to date; %d deployments already present, so no samples added"
              + " (make reset-db starts over).%n",
          result.deploymentsBefore());
    }
  }

  /** The cache and the rollout jobs both describe deployments that are gone now. */
  private static void flushCache(
      Bootstrap<WanderConfiguration> bootstrap, WanderConfiguration config, PrintStream out)
      throws Exception {
    RedisConnection redis = config.getRedisFactory().build();
    try {
      ResponseCache cache =
          new ResponseCache(
              redis,
              JsonMapping.configure(bootstrap.getObjectMapper()),
              config.getCache(),
              CacheMetrics.unexposed());
      out.printf("Flushed %d cache entries.%n", cache.clear());
      RolloutSettings rollout = config.getRollout();
      new RolloutQueue(redis, rollout.getStream(), rollout.getGroup()).dropAll();
      out.println("Emptied the rollout queue.");
    } catch (RedisException e) {
      out.printf(
          "Warning: Redis at %s unreachable (%s); cached answers expire within %s,"
              + " queued rollouts of dropped deployments are skipped.%n",
          config.getRedisFactory().getUri(), e.getMessage(), config.getCache().getTtl());
    } finally {
      redis.stop();
    }
  }

  /** A wrong password (28xxx) or a missing database (3D000) will not heal by waiting. */
  private static boolean neverHeals(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("28") || state.equals("3D000"));
  }

  /** In a fresh stack the database may still be starting; wait for it instead of failing. */
  private static void waitForDatabase(ManagedDataSource dataSource, String url, PrintStream out)
      throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plus(WAIT_FOR_DATABASE);
    boolean told = false;
    while (true) {
      String problem;
      try (Connection connection = dataSource.getConnection()) {
        if (connection.isValid(2)) {
          return;
        }
        problem = "connection not valid";
      } catch (SQLException e) {
        if (neverHeals(e)) {
          throw e;
        }
        problem = e.getMessage();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new SQLException(
            "PostgreSQL at %s did not answer within %ds: %s"
                .formatted(url, WAIT_FOR_DATABASE.toSeconds(), problem));
      }
      if (!told) {
        out.println("Waiting for PostgreSQL at " + url + " ...");
        told = true;
      }
      Thread.sleep(1000);
    }
  }
}
