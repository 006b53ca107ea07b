package dev.zerotorunning.wander;

import dev.zerotorunning.wander.cache.RedisConnection;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.cli.DbCommand;
import dev.zerotorunning.wander.core.DeploymentService;
import dev.zerotorunning.wander.core.StatsService;
import dev.zerotorunning.wander.db.DeploymentDao;
import dev.zerotorunning.wander.db.EnvironmentDao;
import dev.zerotorunning.wander.db.ServiceDao;
import dev.zerotorunning.wander.db.StatsDao;
import dev.zerotorunning.wander.errors.ApiExceptionMapper;
import dev.zerotorunning.wander.errors.BodySizeLimitFilter;
import dev.zerotorunning.wander.errors.JsonErrorHandler;
import dev.zerotorunning.wander.errors.JsonExceptionMapper;
import dev.zerotorunning.wander.errors.UnexpectedExceptionMapper;
import dev.zerotorunning.wander.errors.WebApplicationExceptionMapper;
import dev.zerotorunning.wander.health.HealthReporter;
import dev.zerotorunning.wander.health.ReadinessServlet;
import dev.zerotorunning.wander.health.RedisHealthCheck;
import dev.zerotorunning.wander.limits.RateLimitFilter;
import dev.zerotorunning.wander.limits.WriteRateLimiter;
import dev.zerotorunning.wander.resources.CacheResource;
import dev.zerotorunning.wander.resources.DeploymentResource;
import dev.zerotorunning.wander.resources.HealthResource;
import dev.zerotorunning.wander.resources.ReferenceDataResource;
import dev.zerotorunning.wander.resources.StatsResource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import java.time.Clock;
import java.util.Set;
import org.glassfish.jersey.server.ServerProperties;
import org.jdbi.v3.core.Jdbi;

/** The Wander Deploy API: the one place its parts are built and wired together. */
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
  }

  @Override
  public void run(WanderConfiguration config, Environment environment) {
    JsonMapping.configure(environment.getObjectMapper());

    // Registers the "postgres" health check (the pool's validation query) as well.
    Jdbi jdbi = new JdbiFactory().build(environment, config.getDataSourceFactory(), "postgres");
    RedisConnection redis = config.getRedisFactory().build();
    environment.lifecycle().manage(redis);
    ResponseCache cache =
        new ResponseCache(redis, environment.getObjectMapper(), config.getCache());

    ServiceDao services = jdbi.onDemand(ServiceDao.class);
    EnvironmentDao environments = jdbi.onDemand(EnvironmentDao.class);
    DeploymentService deployments =
        new DeploymentService(jdbi.onDemand(DeploymentDao.class), services, environments, cache);
    StatsService stats = new StatsService(jdbi.onDemand(StatsDao.class), cache);
    HealthReporter health =
        new HealthReporter(jdbi, redis, AppVersion.current(), Clock.systemUTC());

    // Send Location headers as written (relative), not resolved against the proxied Host.
    environment
        .jersey()
        .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
    environment.jersey().register(new BodySizeLimitFilter(MAX_BODY_BYTES));
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
    environment.jersey().register(new StatsResource(stats));
    environment.jersey().register(new CacheResource(cache));
    environment.jersey().register(new HealthResource(health));

    JsonErrorHandler errors = new JsonErrorHandler(environment.getObjectMapper());
    environment.getApplicationContext().setErrorHandler(errors);
    environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(errors));

    environment.healthChecks().register("redis", new RedisHealthCheck(redis));
    environment
        .admin()
        .addServlet("ready", new ReadinessServlet(environment.healthChecks(), NON_CRITICAL_CHECKS))
        .addMapping("/ready");
  }
}
