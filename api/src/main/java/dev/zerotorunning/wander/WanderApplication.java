package dev.zerotorunning.wander;

import dev.zerotorunning.wander.cache.RedisConnection;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.cli.DbCommand;
import dev.zerotorunning.wander.cli.WorkerCommand;
import dev.zerotorunning.wander.db.Daos;
import dev.zerotorunning.wander.errors.ApiExceptionMapper;
import dev.zerotorunning.wander.errors.BodySizeLimitFilter;
import dev.zerotorunning.wander.errors.DrainUnreadBody;
import dev.zerotorunning.wander.errors.JsonErrorHandler;
import dev.zerotorunning.wander.errors.JsonExceptionMapper;
import dev.zerotorunning.wander.errors.UnexpectedExceptionMapper;
import dev.zerotorunning.wander.errors.WebApplicationExceptionMapper;
import dev.zerotorunning.wander.health.HealthReporter;
import dev.zerotorunning.wander.limits.RateLimitFilter;
import dev.zerotorunning.wander.limits.WriteRateLimiter;
import dev.zerotorunning.wander.logging.RequestIds;
import dev.zerotorunning.wander.metrics.HttpMetrics;
import dev.zerotorunning.wander.queue.RolloutQueue;
import dev.zerotorunning.wander.resources.CacheHitFilter;
import dev.zerotorunning.wander.resources.CacheResource;
import dev.zerotorunning.wander.resources.DeploymentResource;
import dev.zerotorunning.wander.resources.HealthResource;
import dev.zerotorunning.wander.resources.OpenApiResource;
import dev.zerotorunning.wander.resources.ReferenceDataResource;
import dev.zerotorunning.wander.resources.RolloutResource;
import dev.zerotorunning.wander.resources.StatsResource;
import dev.zerotorunning.wander.service.DeploymentService;
import dev.zerotorunning.wander.service.ReferenceDataService;
import dev.zerotorunning.wander.service.RolloutDispatcher;
import dev.zerotorunning.wander.service.RolloutService;
import dev.zerotorunning.wander.service.StatsService;
import dev.zerotorunning.wander.worker.RolloutSettings;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Wander Deploy API: the one place its parts are built and wired together. The rollout worker
 * (the {@code worker} command, same image) has its own wiring, {@link WorkerApplication}.
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
    bootstrap.addCommand(new WorkerCommand(new WorkerApplication()));
  }

  @Override
  public void run(WanderConfiguration config, Environment environment) {
    Backends backends = Backends.connect(config, environment);
    Daos daos = backends.daos();
    RedisConnection redis = backends.redis();
    ResponseCache cache = backends.cache();
    RolloutSettings settings = config.getRollout();
    RolloutDispatcher dispatcher =
        new RolloutDispatcher(
            new RolloutQueue(redis, settings.getStream(), settings.getGroup()), daos.rollouts());
    DeploymentService deployments =
        new DeploymentService(
            daos.deployments(), daos.services(), daos.environments(), cache, dispatcher);
    RolloutService rollouts = new RolloutService(deployments, daos.rollouts(), daos.steps());
    StatsService stats = new StatsService(daos.stats());
    ReferenceDataService referenceData =
        new ReferenceDataService(daos.services(), daos.environments());
    HealthReporter health =
        new HealthReporter(backends.jdbi(), redis, AppVersion.current(), Clock.systemUTC());

    // Send Location headers as written (relative), not resolved against the proxied Host.
    environment
        .jersey()
        .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
    environment.jersey().register(new BodySizeLimitFilter(MAX_BODY_BYTES));
    environment.jersey().register(new DrainUnreadBody());
    environment.jersey().register(new RequestIds());
    HttpMetrics httpMetrics = new HttpMetrics(backends.metrics());
    environment.jersey().register(httpMetrics);
    environment
        .jersey()
        .register(new RateLimitFilter(new WriteRateLimiter(redis, config.getRateLimit())));
    environment.jersey().register(new ApiExceptionMapper());
    environment.jersey().register(new JsonExceptionMapper());
    environment.jersey().register(new WebApplicationExceptionMapper());
    environment.jersey().register(new UnexpectedExceptionMapper());

    environment.jersey().register(new ReferenceDataResource(referenceData, cache));
    environment.jersey().register(new DeploymentResource(deployments, cache));
    environment.jersey().register(new RolloutResource(rollouts));
    environment.jersey().register(new StatsResource(stats, cache));
    environment.jersey().register(new CacheResource(cache));
    environment.jersey().register(new HealthResource(health));
    environment.jersey().register(new OpenApiResource(OpenApiResource.load()));

    // Cache hits are answered before Jersey; see CacheHitFilter for what stays the same.
    CacheHitFilter hits = new CacheHitFilter(cache, httpMetrics, jerseyRootPath(config));
    environment
        .servlets()
        .addFilter("cache-hits", hits)
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, hits.paths());

    JsonErrorHandler errors = new JsonErrorHandler(environment.getObjectMapper());
    environment.getApplicationContext().setErrorHandler(errors);
    environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(errors));

    Backends.addReadiness(environment, NON_CRITICAL_CHECKS);
  }

  /** server.rootPath: the server factory applies it to Jersey only after run() returns. */
  private static String jerseyRootPath(WanderConfiguration config) {
    return config.getServerFactory() instanceof AbstractServerFactory server
        ? server.getJerseyRootPath().orElse("/")
        : "/";
  }
}
