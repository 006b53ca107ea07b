package dev.zerotorunning.wander.worker;

import dev.zerotorunning.wander.db.RolloutDao;
import dev.zerotorunning.wander.service.RolloutDispatcher;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues again the rollouts whose job Redis does not have: the API could not reach Redis when the
 * deployment was created, or Redis lost its data. A rollout queued twice is run once (the lease).
 */
public class RolloutRelay {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutRelay.class);

  /** The API queues right after its commit; don't race it for a rollout it is about to queue. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  private static final int BATCH = 100;

  private final RolloutDao rollouts;
  private final RolloutDispatcher dispatcher;
  private final Duration requeueAfter;

  public RolloutRelay(RolloutDao rollouts, RolloutDispatcher dispatcher, Duration requeueAfter) {
    this.rollouts = rollouts;
    this.dispatcher = dispatcher;
    this.requeueAfter = requeueAfter;
  }

  /** Queues what it finds; returns how many rollouts it queued. */
  public int relay() {
    List<Long> due = rollouts.findUnqueued(GRACE.toMillis(), requeueAfter.toMillis(), BATCH);
    int queued = 0;
    for (long id : due) {
      if (!dispatcher.dispatch(id)) {
        break; // Redis is away; the next round tries again
      }
      queued++;
    }
    if (queued > 0) {
      LOG.info("Queued {} rollout(s) whose job was missing: {}", queued, due.subList(0, queued));
    }
    return queued;
  }
}
