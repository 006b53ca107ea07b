package dev.zerotorunning.wander.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.zerotorunning.wander.WanderApplication;
import dev.zerotorunning.wander.WanderConfiguration;
import dev.zerotorunning.wander.WorkerApplication;
import dev.zerotorunning.wander.cli.WorkerCommand;
import dev.zerotorunning.wander.db.DatabaseMigrator;
import dev.zerotorunning.wander.db.Seeder;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real PostgreSQL (zonky's binaries) and a real Redis (codemonstur's), and the whole API on top
 * of them, started once per test JVM from the real config.yml. Tests reset the data between them.
 */
public final class TestStack {
  /** Set by Maven: WARN, or INFO with -Dverbose (make test VERBOSE=1). */
  public static final String LOG_LEVEL = System.getProperty("wander.test.log.level", "WARN");

  private static TestStack instance;

  private final EmbeddedPostgres postgres;
  private final int redisPort;
  private RedisServer redis;
  private StatefulRedisConnection<String, String> redisConnection;
  private final DropwizardTestSupport<WanderConfiguration> app;
  private Http http;

  private TestStack() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    redisPort = freePort();
    startRedis();
    app =
        startApp(
            postgres.getJdbcUrl("postgres", "postgres"), "redis://127.0.0.1:" + redisPort + "/0");
    http = new Http("http://localhost:" + app.getLocalPort() + "/api");
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown));
  }

  public static synchronized TestStack get() {
    if (instance == null) {
      try {
        instance = new TestStack();
      } catch (Exception e) {
        throw new IllegalStateException("could not start the test stack", e);
      }
    }
    return instance;
  }

  private static final java.util.concurrent.atomic.AtomicInteger APPS =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Starts another API with its own database and Redis URIs; the caller stops it. Overrides are
   * {@code key=value} pairs. Each app reads its overrides under a prefix of its own, so apps that
   * live side by side never see each other's settings.
   */
  public static DropwizardTestSupport<WanderConfiguration> startApp(
      String jdbcUrl, String redisUri, String... extra) throws Exception {
    return start(ServerCommand::new, jdbcUrl, redisUri, extra);
  }

  /**
   * Starts a rollout worker ({@code worker config.yml}) on this stack's database and Redis, with
   * steps of 50-100 ms and quick takeovers; the caller stops it. Overrides as for {@link
   * #startApp}.
   */
  public DropwizardTestSupport<WanderConfiguration> startWorker(String name, String... extra)
      throws Exception {
    List<String> settings =
        new ArrayList<>(
            List.of(
                "rollout.workerName=" + name,
                "rollout.stepDelayMin=50ms",
                "rollout.stepDelayMax=100ms",
                "rollout.failureRate=0",
                "rollout.leaseTtl=2s",
                "rollout.reclaimAfter=1s",
                "rollout.pollTimeout=200ms"));
    settings.addAll(List.of(extra));
    return start(
        application -> new WorkerCommand(new WorkerApplication()),
        jdbcUrl(),
        redisUri(),
        settings.toArray(String[]::new));
  }

  private static DropwizardTestSupport<WanderConfiguration> start(
      Function<Application<WanderConfiguration>, Command> command,
      String jdbcUrl,
      String redisUri,
      String... extra)
      throws Exception {
    String prefix = "wander-test-" + APPS.incrementAndGet() + ".";
    List<String> settings =
        new ArrayList<>(
            List.of(
                "database.url=" + jdbcUrl,
                "database.user=postgres",
                "database.password=postgres",
                "redis.uri=" + redisUri,
                // A loaded CI machine can take longer than production's 250 ms; a slow answer
                // would turn into BYPASS and fail-open and make cache tests flaky. Outages in
                // these tests are refused connections, which fail at once whatever the timeout.
                "redis.commandTimeout=2s",
                "server.applicationConnectors[0].port=0",
                "server.adminConnectors[0].port=0",
                "logging.level=" + LOG_LEVEL,
                // The suites write far more than a person would; RateLimitTest sets its own limit.
                "rateLimit.writesPerMinute=0"));
    // One override per key, the caller's last: two overrides of one key would restore each
    // other's values when the app stops.
    java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
    for (String setting : settings) {
      String[] kv = setting.split("=", 2);
      byKey.put(kv[0], kv[1]);
    }
    for (String setting : extra) {
      String[] kv = setting.split("=", 2);
      byKey.put(kv[0], kv[1]);
    }
    ConfigOverride[] overrides =
        byKey.entrySet().stream()
            .map(e -> ConfigOverride.config(prefix, e.getKey(), e.getValue()))
            .toArray(ConfigOverride[]::new);
    DropwizardTestSupport<WanderConfiguration> support =
        new DropwizardTestSupport<>(
            WanderApplication.class, "config.yml", prefix, command, overrides) {
          @Override
          public void after() {
            super.after();
            // Dropwizard's reset leaves the root logger at INFO for whatever runs next.
            quietLogging();
          }
        };
    support.before();
    return support;
  }

  /** The tests' log level (WARN; INFO with make test VERBOSE=1) on the root logger. */
  static void quietLogging() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.toLevel(LOG_LEVEL));
  }

  public Http http() {
    return http;
  }

  public DropwizardTestSupport<WanderConfiguration> app() {
    return app;
  }

  public String adminUrl() {
    return "http://localhost:" + app.getAdminPort();
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public String redisUri() {
    return "redis://127.0.0.1:" + redisPort + "/0";
  }

  public Jdbi jdbi() {
    return Jdbi.create(dataSource());
  }

  /**
   * Drops everything, migrates, seeds, empties the cache and the rollout queue, like {@code db
   * reset}.
   */
  public void resetData() {
    DatabaseMigrator migrator = new DatabaseMigrator(dataSource());
    migrator.dropEverything();
    migrator.migrate();
    new Seeder(jdbi()).seed();
    http.delete("/cache").expectStatus(200);
    redis().del(ROLLOUT_STREAM);
  }

  public static final String ROLLOUT_STREAM = "wander:rollouts";

  /** Commands on this stack's Redis, for tests that look at or disturb the queue. */
  public synchronized RedisCommands<String, String> redis() {
    if (redisConnection == null) {
      redisConnection = RedisClient.create(redisUri()).connect();
    }
    return redisConnection.sync();
  }

  /** How many steps of a deployment are recorded (each at most once, by the primary key). */
  public long stepRows(long deploymentId) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM deployment_steps WHERE deployment_id = :id")
                    .bind("id", deploymentId)
                    .mapTo(Long.class)
                    .one());
  }

  /** Whether the API got the deployment's rollout job into Redis. */
  public boolean rolloutQueued(long deploymentId) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT enqueued_at IS NOT NULL FROM rollouts WHERE deployment_id = :id")
                    .bind("id", deploymentId)
                    .mapTo(Boolean.class)
                    .one());
  }

  /** A pending deployment recorded without a rollout, like the seeded ones: only people move it. */
  public long insertManualDeployment() {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO deployments (service_id, environment_id, version, deployed_by)"
                            + " SELECT s.id, e.id, 'v2.0.0', 'dev@example.com'"
                            + " FROM services s, environments e"
                            + " WHERE s.name = 'api' AND e.name = 'staging' RETURNING id")
                    .mapTo(Long.class)
                    .one());
  }

  public synchronized void stopRedis() {
    try {
      redis.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (http != null) {
      // Lettuce hears of the closed connection on its I/O thread; until then a kept copy of a cache
      // entry (cache.NearCache) may still answer, as it would in production for that instant.
      awaitRedisStatusSeenBy(http, "down");
    }
  }

  public synchronized void startRedis() {
    try {
      redis =
          RedisServer.newRedisServer()
              .port(redisPort)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      redis.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (http != null) {
      awaitRedisSeenBy(http);
    }
  }

  /** Lettuce (re)connects on its own schedule; a test must not go on before it has. */
  public static void awaitRedisSeenBy(Http http) {
    awaitRedisStatusSeenBy(http, "up");
  }

  private static void awaitRedisStatusSeenBy(Http http, String status) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (http.get("/health")
          .json()
          .get("checks")
          .get("redis")
          .get("status")
          .asText()
          .equals(status)) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException(
        "the API's Redis health did not turn " + status + " within 20s");
  }

  public synchronized void startRedisIfStopped() {
    if (!redis.isActive()) {
      startRedis();
    }
  }

  private void shutdown() {
    app.after();
    try {
      redis.stop();
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; nothing left to clean up for
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
