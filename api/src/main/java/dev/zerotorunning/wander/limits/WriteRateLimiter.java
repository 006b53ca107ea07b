package dev.zerotorunning.wander.limits;

import dev.zerotorunning.wander.cache.RedisConnection;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-minute window per client that opens with its first write, counted in Redis so every API
 * instance shares it. Counting and opening the window are one Lua script, so a window can never be
 * left without its expiry. Unlike windows aligned to the clock's minutes, a client cannot get twice
 * its budget by writing on both sides of a minute boundary. When Redis is away the limiter fails
 * open: writes go through and the log says so once.
 */
public class WriteRateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(WriteRateLimiter.class);
  private static final long WINDOW_SECONDS = 60;

  /** Counts one write; returns the count so far and the seconds left in the window. */
  private static final String COUNT_WRITE =
      """
      local count = redis.call('INCR', KEYS[1])
      if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
      return {count, redis.call('TTL', KEYS[1])}
      """;

  private final RedisConnection redis;
  private final RateLimitSettings settings;
  private final AtomicBoolean failingOpen = new AtomicBoolean();

  public WriteRateLimiter(RedisConnection redis, RateLimitSettings settings) {
    this.redis = redis;
    this.settings = settings;
  }

  /** The outcome for one request: allowed or not, and the figures for the response headers. */
  public record Decision(boolean allowed, int limit, long remaining, long retryAfterSeconds) {
    static Decision unlimited() {
      return new Decision(true, 0, 0, 0);
    }

    public boolean limited() {
      return limit > 0;
    }
  }

  public Decision check(String client) {
    int limit = settings.getWritesPerMinute();
    if (limit == 0) {
      return Decision.unlimited();
    }
    long count;
    long secondsLeft;
    try {
      RedisCommands<String, String> commands = redis.commands();
      List<Long> counted =
          commands.eval(
              COUNT_WRITE,
              ScriptOutputType.MULTI,
              new String[] {settings.getKeyPrefix() + client},
              Long.toString(WINDOW_SECONDS));
      count = counted.get(0);
      secondsLeft = counted.get(1);
    } catch (RedisException e) {
      if (failingOpen.compareAndSet(false, true)) {
        LOG.warn(
            "Rate limiter failing open: Redis unavailable ({}); writes are not limited",
            e.getMessage());
      }
      return Decision.unlimited();
    }
    if (failingOpen.compareAndSet(true, false)) {
      LOG.info("Rate limiter is counting again: Redis is back");
    }
    long retryAfter = Math.max(1, Math.min(WINDOW_SECONDS, secondsLeft));
    return new Decision(count <= limit, limit, Math.max(0, limit - count), retryAfter);
  }
}
