package dev.zerotorunning.wander;

import dev.zerotorunning.wander.cache.CacheMetrics;
import dev.zerotorunning.wander.cache.RedisConnection;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.db.Daos;
import dev.zerotorunning.wander.health.ReadinessServlet;
import dev.zerotorunning.wander.health.RedisHealthCheck;
import dev.zerotorunning.wander.metrics.MetricsEndpoint;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What the API and the worker both stand on, built the same way by each process's wiring: the
 * database and its DAOs, the cache's Redis connection and the response cache, and the metrics
 * registry that the admin port's {@code /prometheus} exposes.
 */
record Backends(
    Jdbi jdbi, Daos daos, RedisConnection redis, ResponseCache cache, PrometheusRegistry metrics) {

  static Backends connect(WanderConfiguration config, Environment environment) {
    JsonMapping.configure(environment.getObjectMapper());
    PrometheusRegistry metrics = MetricsEndpoint.install(environment);
    // Registers the "postgres" health check (the pool's validation query) as well.
    Jdbi jdbi = new JdbiFactory().build(environment, config.getDataSourceFactory(), "postgres");
    RedisConnection redis = config.getRedisFactory().build();
    environment.lifecycle().manage(redis);
    environment.healthChecks().register("redis", new RedisHealthCheck(redis));
    ResponseCache cache =
        new ResponseCache(
            redis,
            environment.getObjectMapper(),
            config.getCache(),
            CacheMetrics.register(metrics));
    return new Backends(jdbi, Daos.onDemand(jdbi), redis, cache, metrics);
  }

  /** {@code /ready} on the admin port: every health check but the non-critical ones must pass. */
  static void addReadiness(Environment environment, Set<String> nonCritical) {
    environment
        .admin()
        .addServlet("ready", new ReadinessServlet(environment.healthChecks(), nonCritical))
        .addMapping("/ready");
  }
}
