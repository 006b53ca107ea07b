package dev.zerotorunning.wander;

import dev.zerotorunning.wander.cache.RedisConnection;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.cli.DbCommand;
import dev.zerotorunning.wander.cli.WorkerCommand;
import dev.zerotorunning.wander.core.DeploymentService;
import dev.zerotorunning.wander.core.RolloutDispatcher;
import dev.zerotorunning.wander.core.RolloutService;
import dev.zerotorunning.wander.core.StatsService;
import dev.zerotorunning.wander.db.DeploymentDao;
import dev.zerotorunning.wander.db.EnvironmentDao;
import dev.zerotorunning.wander.db.RolloutDao;
import dev.zerotorunning.wander.db.ServiceDao;
import dev.zerotorunning.wander.db.StatsDao;
import dev.zerotorunning.wander.db.StepDao;
import dev.zerotorunning.wander.errors.ApiExceptionMapper;
import dev.zerotorunning.wander.errors.BodySizeLimitFilter;
import dev.zerotorunning.wander.errors.CloseAfterRejectedBody;
import dev.zerotorunning.wander.errors.JsonErrorHandler;
import dev.zerotorunning.wander.errors.JsonExceptionMapper;
import dev.zerotorunning.wander.errors.UnexpectedExceptionMapper;
import dev.zerotorunning.wander.errors.WebApplicationExceptionMapper;
import dev.zerotorunning.wander.health.HealthReporter;
import dev.zerotorunning.wander.health.LivenessServlet;
import dev.zerotorunning.wander.health.ReadinessServlet;
import dev.zerotorunning.wander.health.RedisHealthCheck;
import dev.zerotorunning.wander.health.WorkerHealthCheck;
import dev.zerotorunning.wander.limits.RateLimitFilter;
import dev.zerotorunning.wander.limits.WriteRateLimiter;
import dev.zerotorunning.wander.queue.RolloutQueue;
import dev.zerotorunning.wander.resources.CacheResource;
import dev.zerotorunning.wander.resources.DeploymentResource;
import dev.zerotorunning.wander.resources.HealthResource;
import dev.zerotorunning.wander.resources.ReferenceDataResource;
import dev.zerotorunning.wander.resources.RolloutResource;
import dev.zerotorunning.wander.resources.StatsResource;
import dev.zerotorunning.wander.worker.RolloutRelay;
import dev.zerotorunning.wander.worker.RolloutRunner;
import dev.zerotorunning.wander.worker.RolloutSettings;
import dev.zerotorunning.wander.worker.RolloutWorker;
import dev.zerotorunning.wander.worker.StepSimulator;
import dev.zerotorunning.wander.worker.WorkerNames;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.glassfish.jersey.server.ServerProperties;
import org.jdbi.v3.core.Jdbi;

/**
 * The Wander Deploy API and its rollout worker (the {@code worker} command, same image): the one
 * place their parts are built and wired together.
 */
public class WanderApplication extends Application<WanderConfiguration> {
  /** Request bodies are small JSON objects; anything bigger is a mistake or an attack. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  /** Health checks whose failure leaves the API able to serve (it bypasses the cache). */
  static final Set<String> NON_CRITICAL_CHECKS = Set.of("redis");

  public static void main(String[] args) throws Exception {
    new WanderApplication().run(args);
  }

  @Override
  public String getName() {
    return "wander-api";
  }

  @Override
  public void initialize(Bootstrap<WanderConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addCommand(new DbCommand());
    bootstrap.addCommand(new WorkerCommand(this));
  }

  @Override
  public void run(WanderConfiguration config, Environment environment) {
    JsonMapping.configure(environment.getObjectMapper());

    // Registers the "postgres" health check (the pool's validation query) as well.
    Jdbi jdbi = new JdbiFactory().build(environment, config.getDataSourceFactory(), "postgres");
    RedisConnection redis = config.getRedisFactory().build();
    environment.lifecycle().manage(redis);
    environment.healthChecks().register("redis", new RedisHealthCheck(redis));
    ResponseCache cache =
        new ResponseCache(redis, environment.getObjectMapper(), config.getCache());
    RolloutDao rollouts = jdbi.onDemand(RolloutDao.class);

    if (config.isWorker()) {
      runWorker(config, environment, jdbi, rollouts, cache);
    } else {
      serveApi(config, environment, jdbi, redis, cache, rollouts);
    }
  }

  private void serveApi(
      WanderConfiguration config,
      Environment environment,
      Jdbi jdbi,
      RedisConnection redis,
      ResponseCache cache,
      RolloutDao rolloutDao) {
    RolloutSettings settings = config.getRollout();
    RolloutDispatcher dispatcher =
        new RolloutDispatcher(
            new RolloutQueue(redis, settings.getStream(), settings.getGroup()), rolloutDao);
    ServiceDao services = jdbi.onDemand(ServiceDao.class);
    EnvironmentDao environments = jdbi.onDemand(EnvironmentDao.class);
    DeploymentService deployments =
        new DeploymentService(
            jdbi.onDemand(DeploymentDao.class), services, environments, cache, dispatcher);
    RolloutService rollouts =
        new RolloutService(deployments, rolloutDao, jdbi.onDemand(StepDao.class));
    StatsService stats = new StatsService(jdbi.onDemand(StatsDao.class), cache);
    HealthReporter health =
        new HealthReporter(jdbi, redis, AppVersion.current(), Clock.systemUTC());

    // Send Location headers as written (relative), not resolved against the proxied Host.
    environment
        .jersey()
        .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
    environment.jersey().register(new BodySizeLimitFilter(MAX_BODY_BYTES));
    environment.jersey().register(new CloseAfterRejectedBody());
    environment
        .jersey()
        .register(
            new RateLimitFilter(
                new WriteRateLimiter(redis, config.getRateLimit(), Clock.systemUTC())));
    environment.jersey().register(new ApiExceptionMapper());
    environment.jersey().register(new JsonExceptionMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new UnexpectedExceptionMapper());

    environment.jersey().register(new ReferenceDataResource(services, environments, cache));
    environment.jersey().register(new DeploymentResource(deployments));
    environment.jersey().register(new RolloutResource(rollouts));
    environment.jersey().register(new StatsResource(stats));
    environment.jersey().register(new CacheResource(cache));
    environment.jersey().register(new HealthResource(health));

    JsonErrorHandler errors = new JsonErrorHandler(environment.getObjectMapper());
    environment.getApplicationContext().setErrorHandler(errors);
    environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(errors));

    addReadiness(environment, NON_CRITICAL_CHECKS);
  }

  /**
   * The worker: no API, its own Redis connection (a blocking read must not hold up the cache's
   * commands, nor time out like them), and Redis is critical to its readiness.
   */
  private void runWorker(
      WanderConfiguration config,
      Environment environment,
      Jdbi jdbi,
      RolloutDao rolloutDao,
      ResponseCache cache) {
    RolloutSettings settings = config.getRollout();
    java.time.Duration poll = settings.getPollTimeout().toJavaDuration();
    RedisConnection queueRedis = config.getRedisFactory().build(poll.plusSeconds(5));
    environment.lifecycle().manage(queueRedis);
    RolloutQueue queue = new RolloutQueue(queueRedis, settings.getStream(), settings.getGroup());
    String name = WorkerNames.resolve(settings.getWorkerName());
    java.time.Duration leaseTtl = settings.effectiveLeaseTtl();
    RolloutRunner runner =
        new RolloutRunner(
            jdbi,
            new StepSimulator(new SplittableRandom(), settings),
            cache,
            name,
            UUID.randomUUID().toString(),
            leaseTtl);
    RolloutRelay relay =
        new RolloutRelay(
            rolloutDao,
            new RolloutDispatcher(queue, rolloutDao),
            settings.getRequeueAfter().toJavaDuration());
    RolloutWorker worker =
        new RolloutWorker(name, queue, runner, relay, settings, Clock.systemUTC());
    environment.lifecycle().manage(worker);
    environment
        .healthChecks()
        .register(
            "worker",
            new WorkerHealthCheck(worker, leaseTtl.plus(poll.multipliedBy(2)), Clock.systemUTC()));
    addReadiness(environment, Set.of());
    // Liveness is the loop alone: an outage of what it needs is readiness, not a reason to restart.
    environment
        .admin()
        .addServlet("live", new LivenessServlet(environment.healthChecks(), "worker"))
        .addMapping("/live");
  }

  private static void addReadiness(Environment environment, Set<String> nonCritical) {
    environment
        .admin()
        .addServlet("ready", new ReadinessServlet(environment.healthChecks(), nonCritical))
        .addMapping("/ready");
  }
}
