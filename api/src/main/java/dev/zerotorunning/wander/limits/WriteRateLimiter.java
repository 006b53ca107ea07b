package dev.zerotorunning.wander.limits;

import dev.zerotorunning.wander.cache.RedisConnection;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed one-minute window per client, counted in Redis so every API instance shares it. When
 * Redis is away the limiter fails open: writes go through and the log says so once.
 */
public class WriteRateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(WriteRateLimiter.class);
  private static final long WINDOW_SECONDS = 60;

  private final RedisConnection redis;
  private final RateLimitSettings settings;
  private final Clock clock;
  private final AtomicBoolean failingOpen = new AtomicBoolean();

  public WriteRateLimiter(RedisConnection redis, RateLimitSettings settings, Clock clock) {
    this.redis = redis;
    this.settings = settings;
    this.clock = clock;
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
    long now = clock.instant().getEpochSecond();
    long window = now / WINDOW_SECONDS;
    String key = settings.getKeyPrefix() + client + ":" + window;
    long count;
    try {
      RedisCommands<String, String> commands = redis.commands();
      count = commands.incr(key);
      if (count == 1) {
        commands.expire(key, WINDOW_SECONDS);
      }
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
    long retryAfter = WINDOW_SECONDS - now % WINDOW_SECONDS;
    return new Decision(count <= limit, limit, Math.max(0, limit - count), retryAfter);
  }
}
