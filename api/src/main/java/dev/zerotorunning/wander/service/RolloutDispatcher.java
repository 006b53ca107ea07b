package dev.zerotorunning.wander.service;

import dev.zerotorunning.wander.db.RolloutDao;
import dev.zerotorunning.wander.queue.RolloutQueue;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a rollout's job on the queue and notes that it did. PostgreSQL is the record; when Redis is
 * away the job is not lost, only late: the worker's relay queues every unqueued rollout it finds.
 */
public class RolloutDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutDispatcher.class);

  private final RolloutQueue queue;
  private final RolloutDao rollouts;

  public RolloutDispatcher(RolloutQueue queue, RolloutDao rollouts) {
    this.queue = queue;
    this.rollouts = rollouts;
  }

  /** True when the job is queued; false (logged) when Redis is unreachable. */
  public boolean dispatch(long deploymentId) {
    try {
      queue.enqueue(deploymentId);
    } catch (RedisException e) {
      LOG.warn(
          "Could not queue the rollout of deployment {} ({}); the worker will queue it once Redis"
              + " is back",
          deploymentId,
          e.getMessage());
      return false;
    }
    rollouts.markEnqueued(deploymentId);
    return true;
  }
}
