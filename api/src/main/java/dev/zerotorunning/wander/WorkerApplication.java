package dev.zerotorunning.wander;

import dev.zerotorunning.wander.cache.RedisConnection;
import dev.zerotorunning.wander.health.LivenessServlet;
import dev.zerotorunning.wander.health.WorkerHealthCheck;
import dev.zerotorunning.wander.queue.RolloutQueue;
import dev.zerotorunning.wander.service.RolloutDispatcher;
import dev.zerotorunning.wander.worker.RolloutMetrics;
import dev.zerotorunning.wander.worker.RolloutRelay;
import dev.zerotorunning.wander.worker.RolloutRunner;
import dev.zerotorunning.wander.worker.RolloutSettings;
import dev.zerotorunning.wander.worker.RolloutWorker;
import dev.zerotorunning.wander.worker.StepSimulator;
import dev.zerotorunning.wander.worker.WorkerNames;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The rollout worker process ({@code worker config.yml}, run by {@link
 * dev.zerotorunning.wander.cli.WorkerCommand}): the one place its parts are built and wired. No
 * API; its own Redis connection for the queue (a blocking read must not hold up the cache's
 * commands, nor time out like them), and Redis is critical to its readiness.
 */
public class WorkerApplication extends Application<WanderConfiguration> {

  @Override
  public String getName() {
    return "wander-worker";
  }

  @Override
  public void run(WanderConfiguration config, Environment environment) {
    Backends backends = Backends.connect(config, environment);
    RolloutSettings settings = config.getRollout();
    Duration poll = settings.getPollTimeout().toJavaDuration();
    RedisConnection queueRedis = config.getRedisFactory().build(poll.plusSeconds(5));
    environment.lifecycle().manage(queueRedis);
    RolloutQueue queue = new RolloutQueue(queueRedis, settings.getStream(), settings.getGroup());
    String name = WorkerNames.resolve(settings.getWorkerName());
    Duration leaseTtl = settings.effectiveLeaseTtl();
    RolloutRunner runner =
        new RolloutRunner(
            backends.jdbi(),
            backends.daos(),
            new StepSimulator(new SplittableRandom(), settings),
            backends.cache(),
            new RolloutMetrics(backends.metrics()),
            name,
            UUID.randomUUID().toString(),
            leaseTtl);
    RolloutRelay relay =
        new RolloutRelay(
            backends.daos().rollouts(),
            new RolloutDispatcher(queue, backends.daos().rollouts()),
            settings.getRequeueAfter().toJavaDuration());
    RolloutWorker worker =
        new RolloutWorker(name, queue, runner, relay, settings, Clock.systemUTC());
    environment.lifecycle().manage(worker);
    environment
        .healthChecks()
        .register(
            "worker",
            new WorkerHealthCheck(worker, leaseTtl.plus(poll.multipliedBy(2)), Clock.systemUTC()));
    Backends.addReadiness(environment, Set.of());
    // Liveness is the loop alone: an outage of what it needs is readiness, not a reason to restart.
    environment
        .admin()
        .addServlet("live", new LivenessServlet(environment.healthChecks(), "worker"))
        .addMapping("/live");
  }
}
