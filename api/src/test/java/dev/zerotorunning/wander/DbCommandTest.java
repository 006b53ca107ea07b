package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.wander.db.Seeder;
import dev.zerotorunning.wander.support.TestStack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code db} command as the migrate container and {@code make reset-db} run it. */
class DbCommandTest {
  private EmbeddedPostgres postgres;
  private Jdbi jdbi;

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    jdbi = Jdbi.create(postgres.getPostgresDatabase());
    System.setProperty("dw.database.url", postgres.getJdbcUrl("postgres", "postgres"));
    System.setProperty("dw.database.user", "postgres");
    System.setProperty("dw.database.password", "postgres");
    System.setProperty("dw.redis.uri", TestStack.get().redisUri());
    System.setProperty("dw.logging.level", TestStack.LOG_LEVEL);
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (String key : new String[] {"url", "user", "password"}) {
      System.clearProperty("dw.database." + key);
    }
    System.clearProperty("dw.redis.uri");
    System.clearProperty("dw.logging.level");
    postgres.close();
  }

  @Test
  void setupMigratesAndSeedsOnceOnly() throws Exception {
    run("db", "setup", "config.yml");
    assertThat(count("deployments")).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
    jdbi.useHandle(h -> h.execute("DELETE FROM deployments WHERE status = 'failed'"));
    long afterDelete = count("deployments");
    run("db", "setup", "config.yml");
    assertThat(count("deployments")).isEqualTo(afterDelete);
    assertThat(count("services")).isEqualTo(4);
    assertThat(count("environments")).isEqualTo(3);
  }

  @Test
  void resetStartsOverWithExactlyTheSeed() throws Exception {
    run("db", "setup", "config.yml");
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO deployments (service_id, environment_id, version, deployed_by) VALUES"
                    + " (1, 1, 'v9.9.9', 'x@example.com')"));
    assertThat(count("deployments")).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS + 1);
    // A queued job names a deployment the reset drops: the queue goes with it.
    TestStack.get().redis().xadd(TestStack.ROLLOUT_STREAM, java.util.Map.of("deployment_id", "37"));
    run("db", "reset", "config.yml");
    assertThat(TestStack.get().redis().exists(TestStack.ROLLOUT_STREAM)).isZero();
    assertThat(count("deployments")).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
    long leftovers =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM deployments WHERE version = 'v9.9.9'")
                    .mapTo(Long.class)
                    .one());
    assertThat(leftovers).isZero();
  }

  @Test
  void migrateAloneAddsNoData() throws Exception {
    run("db", "migrate", "config.yml");
    assertThat(count("deployments")).isZero();
    run("db", "seed", "config.yml");
    assertThat(count("deployments")).isEqualTo(Seeder.SAMPLE_DEPLOYMENTS);
  }

  @Test
  void aWrongPasswordFailsWithoutWaitingForTheDatabase() throws Exception {
    // The embedded server trusts every role it knows; this one it does not (SQLState 28000).
    System.setProperty("dw.database.user", "no_such_role");
    // zonky's JDBC URL names its user, which would win over database.user.
    System.setProperty(
        "dw.database.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
    java.util.concurrent.atomic.AtomicReference<Throwable> fatal =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      new WanderApplication() {
        @Override
        protected void onFatalError(Throwable t) {
          fatal.set(t); // instead of System.exit(1)
        }
      }.run("db", "migrate", "config.yml");
    } finally {
      System.setOut(stdout);
    }
    assertThat(fatal.get()).isNotNull();
    assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("Waiting for PostgreSQL");
  }

  private static void run(String... args) throws Exception {
    new WanderApplication().run(args);
  }

  private long count(String table) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }
}
