package dev.zerotorunning.wander.worker;

import dev.zerotorunning.wander.logging.LogContext;
import dev.zerotorunning.wander.queue.RolloutJob;
import dev.zerotorunning.wander.queue.RolloutQueue;
import io.dropwizard.lifecycle.Managed;
import io.lettuce.core.RedisException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The worker process's loop, on one thread: look for jobs whose worker died, then wait for a new
 * one, run it, and acknowledge it once it has nothing left to do. Redis or PostgreSQL being away is
 * logged and waited out; the loop itself never dies of it.
 */
public class RolloutWorker implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutWorker.class);
  private static final Duration BACKOFF = Duration.ofSeconds(1);

  /** The relay scans PostgreSQL; once every few polls is plenty. */
  private static final int POLLS_PER_RELAY = 5;

  private final String name;
  private final RolloutQueue queue;
  private final RolloutRunner runner;
  private final RolloutRelay relay;
  private final Duration pollTimeout;
  private final Duration reclaimAfter;
  private final Clock clock;
  private final AtomicLong finished = new AtomicLong();
  private volatile Instant lastBeat;
  private volatile boolean running;
  private volatile String lastProblem;
  private Thread thread;

  public RolloutWorker(
      String name,
      RolloutQueue queue,
      RolloutRunner runner,
      RolloutRelay relay,
      RolloutSettings settings,
      Clock clock) {
    this.name = name;
    this.queue = queue;
    this.runner = runner;
    this.relay = relay;
    this.pollTimeout = settings.getPollTimeout().toJavaDuration();
    this.reclaimAfter = settings.getReclaimAfter().toJavaDuration();
    this.clock = clock;
    this.lastBeat = clock.instant();
  }

  public String name() {
    return name;
  }

  /** When the loop last went round; a stuck loop stops moving this. */
  public Instant lastBeat() {
    return lastBeat;
  }

  public boolean isRunning() {
    return running && thread != null && thread.isAlive();
  }

  public long finishedRollouts() {
    return finished.get();
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::loop, "rollout-worker");
    thread.start();
    LOG.info("Rollout worker {} consuming {}", name, queue.description());
  }

  @Override
  public void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(Duration.ofSeconds(10).toMillis());
    }
  }

  private void loop() {
    long polls = 0;
    while (running) {
      lastBeat = clock.instant();
      try {
        if (polls++ % POLLS_PER_RELAY == 0) {
          queue.ensureGroup();
          relay.relay();
        }
        Optional<RolloutJob> job = queue.reclaim(name, reclaimAfter);
        if (job.isPresent()) {
          LOG.info(
              "Reclaimed job {} (deployment {}) from a silent worker",
              job.get().entryId(),
              job.get().deploymentId());
        } else {
          job = queue.next(name, pollTimeout);
        }
        if (job.isPresent()) {
          handle(job.get());
        }
        recovered();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        problem(e);
        if (!pause()) {
          return;
        }
      }
    }
  }

  private void handle(RolloutJob job) throws InterruptedException {
    // Every line logged while this rollout runs names its deployment (LOG_FORMAT=json: a field).
    MDC.put(LogContext.DEPLOYMENT_ID, Long.toString(job.deploymentId()));
    try {
      finish(job, runner.run(job.deploymentId(), () -> touch(job)));
    } finally {
      MDC.remove(LogContext.DEPLOYMENT_ID);
    }
  }

  private void finish(RolloutJob job, RolloutRunner.Outcome outcome) {
    switch (outcome) {
      case FINISHED, NOTHING_TO_DO -> {
        queue.acknowledge(job);
        if (outcome == RolloutRunner.Outcome.FINISHED) {
          finished.incrementAndGet();
        }
      }
      case HELD_ELSEWHERE, LEASE_LOST ->
          LOG.info(
              "Rollout {} is held by another worker; job {} stays pending",
              job.deploymentId(),
              job.entryId());
    }
  }

  /** Best effort: a failed touch only risks a reclaim, which the lease makes harmless. */
  private void touch(RolloutJob job) {
    lastBeat = clock.instant();
    try {
      queue.touch(name, job);
    } catch (RedisException e) {
      LOG.debug("Could not touch job {}: {}", job.entryId(), e.getMessage());
    }
  }

  // One line when a problem starts or changes, one when it ends: not one per poll.
  private void problem(RuntimeException e) {
    String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (!problem.equals(lastProblem)) {
      LOG.warn("Rollout worker {} waiting: {}", name, problem);
      lastProblem = problem;
    }
  }

  private void recovered() {
    if (lastProblem != null) {
      LOG.info("Rollout worker {} working again", name);
      lastProblem = null;
    }
  }

  private boolean pause() {
    try {
      Thread.sleep(BACKOFF.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
