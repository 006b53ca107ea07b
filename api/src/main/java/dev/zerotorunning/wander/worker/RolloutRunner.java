package dev.zerotorunning.wander.worker;

import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.core.Deployment;
import dev.zerotorunning.wander.core.DeploymentStatus;
import dev.zerotorunning.wander.core.Rollout;
import dev.zerotorunning.wander.core.RolloutStep;
import dev.zerotorunning.wander.core.StepRecord;
import dev.zerotorunning.wander.core.StepStatus;
import dev.zerotorunning.wander.db.Daos;
import dev.zerotorunning.wander.db.DeploymentDao;
import dev.zerotorunning.wander.db.RolloutDao;
import dev.zerotorunning.wander.db.StepDao;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one rollout under a lease: resumes after the last finished step (a job may be delivered
 * again after a worker died), records each step once, and moves the deployment pending →
 * in_progress → completed | failed. Every write renews the lease in its own transaction first, so a
 * worker that lost the lease writes nothing more.
 */
public class RolloutRunner {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutRunner.class);

  /** What became of a job, which decides whether it is acknowledged. */
  public enum Outcome {
    /** Ran to completed or failed: acknowledge. */
    FINISHED,
    /** No such rollout, or it had already finished: acknowledge. */
    NOTHING_TO_DO,
    /** Another worker holds the lease: leave the job for reclaim. */
    HELD_ELSEWHERE,
    /** The lease expired under this worker: leave the job for reclaim. */
    LEASE_LOST
  }

  private final Jdbi jdbi;
  private final RolloutDao rollouts;
  private final DeploymentDao deployments;
  private final StepDao steps;
  private final StepSimulator simulator;
  private final ResponseCache cache;
  private final RolloutMetrics metrics;
  private final String worker;
  private final String leaseToken;
  private final long leaseMillis;

  /** {@code jdbi} opens the fenced transactions; {@code daos} serve the reads outside them. */
  public RolloutRunner(
      Jdbi jdbi,
      Daos daos,
      StepSimulator simulator,
      ResponseCache cache,
      RolloutMetrics metrics,
      String worker,
      String leaseToken,
      Duration leaseTtl) {
    this.jdbi = jdbi;
    this.rollouts = daos.rollouts();
    this.deployments = daos.deployments();
    this.steps = daos.steps();
    this.simulator = simulator;
    this.cache = cache;
    this.metrics = metrics;
    this.worker = worker;
    this.leaseToken = leaseToken;
    this.leaseMillis = leaseTtl.toMillis();
  }

  /**
   * Runs the rollout of {@code deploymentId}; {@code keepAlive} runs before each step (it tells the
   * queue the job is still being worked on). Interrupted: releases the lease and rethrows.
   */
  public Outcome run(long deploymentId, Runnable keepAlive) throws InterruptedException {
    Optional<Rollout> leased = rollouts.acquireLease(deploymentId, worker, leaseToken, leaseMillis);
    if (leased.isEmpty()) {
      if (rollouts.findById(deploymentId).filter(r -> !r.finished()).isPresent()) {
        metrics.record(RolloutMetrics.Result.HELD_ELSEWHERE);
        return Outcome.HELD_ELSEWHERE;
      }
      metrics.record(RolloutMetrics.Result.NOTHING_TO_DO);
      return Outcome.NOTHING_TO_DO;
    }
    try {
      return walkSteps(deploymentId, decidePlan(leased.get()), keepAlive);
    } catch (LeaseLostException e) {
      LOG.warn(
          "Rollout {}: {}; leaving it to the worker that holds it now",
          deploymentId,
          e.getMessage());
      metrics.record(RolloutMetrics.Result.LEASE_LOST);
      return Outcome.LEASE_LOST;
    } catch (InterruptedException e) {
      rollouts.release(deploymentId, leaseToken);
      metrics.record(RolloutMetrics.Result.STOPPED);
      LOG.info("Rollout {}: stopped mid-way; released for another worker", deploymentId);
      throw e;
    }
  }

  private Rollout decidePlan(Rollout rollout) {
    if (rollout.planDecided()) {
      return rollout;
    }
    String failStep = simulator.planFailure().map(RolloutStep::wireName).orElse(null);
    return fenced(
        rollout.deploymentId(),
        handle -> {
          RolloutDao dao = handle.attach(RolloutDao.class);
          dao.decidePlan(rollout.deploymentId(), failStep);
          return dao.findById(rollout.deploymentId()).orElseThrow();
        });
  }

  private Outcome walkSteps(long id, Rollout rollout, Runnable keepAlive)
      throws InterruptedException {
    Deployment deployment = deployments.findById(id).orElseThrow();
    if (!deployment.rollingOut()) {
      // Ended some other way (by hand, before rollouts were automated): nothing left to run.
      fencedRun(id, handle -> handle.attach(RolloutDao.class).finish(id, leaseToken));
      metrics.record(RolloutMetrics.Result.NOTHING_TO_DO);
      return Outcome.NOTHING_TO_DO;
    }
    Map<RolloutStep, StepStatus> done =
        steps.list(id).stream().collect(Collectors.toMap(StepRecord::step, StepRecord::status));
    for (RolloutStep step : RolloutStep.values()) {
      if (done.get(step) == StepStatus.SUCCEEDED) {
        continue;
      }
      keepAlive.run();
      boolean started = fenced(id, handle -> startStep(handle, id, step));
      if (started) {
        cache.invalidate();
        LOG.info("Rollout {}: in_progress on {}", id, worker);
      }
      simulator.work();
      boolean fails = rollout.plannedFailure().filter(step::equals).isPresent();
      String message =
          fails ? simulator.failure(step, deployment) : simulator.success(step, deployment);
      fencedRun(id, handle -> finishStep(handle, id, step, fails, message));
      LOG.info(
          "Rollout {}: {} {} on {}: {}",
          id,
          step.wireName(),
          fails ? "failed" : "succeeded",
          worker,
          message);
      if (fails || step == RolloutStep.DONE) {
        cache.invalidate();
        LOG.info("Rollout {}: deployment {}", id, fails ? "failed" : "completed");
        metrics.record(fails ? RolloutMetrics.Result.FAILED : RolloutMetrics.Result.COMPLETED);
        return Outcome.FINISHED;
      }
    }
    throw new IllegalStateException("rollout " + id + " ran past its last step");
  }

  /** Records the step as running; true when the deployment moved to in_progress with it. */
  private boolean startStep(Handle handle, long id, RolloutStep step) {
    handle.attach(StepDao.class).start(id, step.wireName(), step.position(), worker);
    return handle
            .attach(DeploymentDao.class)
            .move(id, DeploymentStatus.PENDING, DeploymentStatus.IN_PROGRESS, null)
        == 1;
  }

  private void finishStep(Handle handle, long id, RolloutStep step, boolean fails, String message) {
    StepStatus status = fails ? StepStatus.FAILED : StepStatus.SUCCEEDED;
    handle.attach(StepDao.class).finish(id, step.wireName(), status.wireName(), message);
    if (fails || step == RolloutStep.DONE) {
      DeploymentStatus end = fails ? DeploymentStatus.FAILED : DeploymentStatus.COMPLETED;
      handle
          .attach(DeploymentDao.class)
          .move(
              id,
              DeploymentStatus.IN_PROGRESS,
              end,
              fails ? step.label() + " failed: " + message : null);
      handle.attach(RolloutDao.class).finish(id, leaseToken);
    }
  }

  private void fencedRun(long id, Consumer<Handle> work) {
    fenced(
        id,
        handle -> {
          work.accept(handle);
          return null;
        });
  }

  /** Runs {@code work} in a transaction that first proves this worker still holds the lease. */
  private <T> T fenced(long id, Function<Handle, T> work) {
    return jdbi.inTransaction(
        handle -> {
          if (handle.attach(RolloutDao.class).renewLease(id, leaseToken, leaseMillis) == 0) {
            throw new LeaseLostException(id);
          }
          return work.apply(handle);
        });
  }
}
