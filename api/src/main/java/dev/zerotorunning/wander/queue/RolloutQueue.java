package dev.zerotorunning.wander.queue;

import dev.zerotorunning.wander.cache.RedisConnection;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rollout jobs on a Redis stream read through one consumer group: each job goes to one worker and
 * stays in the group's pending list until acknowledged, so a job whose worker died is still there
 * for another worker to claim. Delivery is at least once; the lease in PostgreSQL makes a second
 * delivery harmless.
 */
public class RolloutQueue {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutQueue.class);
  private static final String FIELD = "deployment_id";
  // Acknowledged entries are history nobody reads; keep the stream from growing without bound.
  private static final long MAX_LENGTH = 10_000;

  private final RedisConnection redis;
  private final String stream;
  private final String group;

  public RolloutQueue(RedisConnection redis, String stream, String group) {
    this.redis = redis;
    this.stream = stream;
    this.group = group;
  }

  public String description() {
    return stream + " as group " + group;
  }

  /** Adds a job; throws {@link io.lettuce.core.RedisException} when Redis is unreachable. */
  public String enqueue(long deploymentId) {
    return commands()
        .xadd(
            stream,
            XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming(),
            Map.of(FIELD, Long.toString(deploymentId)));
  }

  /** Creates the group (and the stream) unless it exists; from the start, so no job is missed. */
  public void ensureGroup() {
    try {
      commands()
          .xgroupCreate(
              XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
      LOG.info("Created consumer group {} on {}", group, stream);
    } catch (RedisBusyException e) {
      // BUSYGROUP: another worker created it first.
    }
  }

  /** The next new job for this consumer, waiting up to {@code wait} for one. */
  @SuppressWarnings("unchecked") // Lettuce takes the streams as generic varargs
  public Optional<RolloutJob> next(String consumer, Duration wait) {
    return withGroup(
        () ->
            commands()
                .xreadgroup(
                    Consumer.from(group, consumer),
                    XReadArgs.Builder.count(1).block(wait),
                    XReadArgs.StreamOffset.lastConsumed(stream)));
  }

  /**
   * Takes over one job that another consumer (or this one, before a restart) was given and has not
   * touched for {@code minIdle}: the worker holding it has most likely died.
   */
  public Optional<RolloutJob> reclaim(String consumer, Duration minIdle) {
    return withGroup(
        () ->
            commands()
                .xautoclaim(
                    stream,
                    XAutoClaimArgs.Builder.xautoclaim(
                            Consumer.from(group, consumer), minIdle.toMillis(), "0-0")
                        .count(1))
                .getMessages());
  }

  /**
   * The first job a group read gives. A missing group means the stream was deleted (db reset,
   * FLUSHALL, a Redis without persistence restarted): it is created again, and there is no job.
   */
  private Optional<RolloutJob> withGroup(Supplier<List<StreamMessage<String, String>>> read) {
    try {
      return first(read.get());
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
        ensureGroup();
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Resets the job's idle time, so nobody reclaims it while this worker is still at it. */
  public void touch(String consumer, RolloutJob job) {
    commands()
        .xclaim(stream, Consumer.from(group, consumer), XClaimArgs.Builder.justid(), job.entryId());
  }

  public void acknowledge(RolloutJob job) {
    commands().xack(stream, group, job.entryId());
  }

  /** Drops every job (for {@code db reset}: the deployments they name are gone). */
  public long dropAll() {
    return commands().del(stream);
  }

  private RedisCommands<String, String> commands() {
    return redis.commands();
  }

  private Optional<RolloutJob> first(List<StreamMessage<String, String>> messages) {
    if (messages == null) {
      return Optional.empty();
    }
    for (StreamMessage<String, String> message : messages) {
      if (message == null) {
        continue;
      }
      String id = message.getBody() == null ? null : message.getBody().get(FIELD);
      try {
        return Optional.of(new RolloutJob(message.getId(), Long.parseLong(id)));
      } catch (NumberFormatException e) {
        // Also a trimmed entry still listed as pending: Redis 6.2 claims it with no fields.
        LOG.warn("Dropping unreadable rollout job {}: {}={}", message.getId(), FIELD, id);
        commands().xack(stream, group, message.getId());
      }
    }
    return Optional.empty();
  }
}
