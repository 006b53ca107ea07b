package dev.zerotorunning.wander.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerotorunning.wander.api.NewDeployment;
import dev.zerotorunning.wander.cache.CacheMetrics;
import dev.zerotorunning.wander.cache.CacheSettings;
import dev.zerotorunning.wander.cache.RedisConnection;
import dev.zerotorunning.wander.cache.RedisFactory;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.core.Deployment;
import dev.zerotorunning.wander.core.DeploymentStatus;
import dev.zerotorunning.wander.db.DeploymentDao;
import dev.zerotorunning.wander.db.EnvironmentDao;
import dev.zerotorunning.wander.db.ServiceDao;
import dev.zerotorunning.wander.support.SeededStackTest;
import io.dropwizard.jdbi3.JdbiFactory;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answer to a create describes what was created, even when a worker claims the rollout the
 * moment it is dispatched (on the real stack the worker sometimes won that race: e2e saw
 * in_progress in a POST's 201).
 */
class CreateDeploymentTest extends SeededStackTest {
  private final RedisConnection redis =
      new ObjectMapper().convertValue(Map.of("uri", stack.redisUri()), RedisFactory.class).build();

  @AfterEach
  void disconnect() {
    redis.stop();
  }

  @Test
  void createAnswersPendingWhenTheWorkerClaimsTheRolloutAtOnce() {
    // Built as the application builds its own (SqlObject and the mappers), on the test app's pool
    // settings.
    Jdbi jdbi =
        new JdbiFactory()
            .build(
                stack.app().getEnvironment(),
                stack.app().getConfiguration().getDataSourceFactory(),
                "create-test");
    DeploymentDao deployments = jdbi.onDemand(DeploymentDao.class);
    // A worker as fast as can be: it claims the rollout inside dispatch().
    RolloutDispatcher claimedAtOnce =
        new RolloutDispatcher(null, null) {
          @Override
          public boolean dispatch(long deploymentId) {
            deployments.move(
                deploymentId, DeploymentStatus.PENDING, DeploymentStatus.IN_PROGRESS, null);
            return true;
          }
        };
    DeploymentService service =
        new DeploymentService(
            deployments,
            jdbi.onDemand(ServiceDao.class),
            jdbi.onDemand(EnvironmentDao.class),
            new ResponseCache(
                redis, new ObjectMapper(), new CacheSettings(), CacheMetrics.unexposed()),
            claimedAtOnce);

    Deployment created =
        service.create(new NewDeployment("api", "staging", "v9.9.1", "race@example.com"));

    assertThat(created.status()).as("the 201's status").isEqualTo(DeploymentStatus.PENDING);
    assertThat(service.get(created.id()).status())
        .as("what the worker did")
        .isEqualTo(DeploymentStatus.IN_PROGRESS);
  }
}
