package dev.zerotorunning.wander.health;

import com.codahale.metrics.health.HealthCheck;
import dev.zerotorunning.wander.cache.RedisConnection;
import io.lettuce.core.RedisException;

/** Redis answers PING. Not critical: without Redis the API serves from PostgreSQL. */
public class RedisHealthCheck extends HealthCheck {
  private final RedisConnection redis;

  public RedisHealthCheck(RedisConnection redis) {
    this.redis = redis;
  }

  @Override
  protected Result check() {
    try {
      String pong = redis.commands().ping();
      return "PONG".equals(pong) ? Result.healthy() : Result.unhealthy("PING answered " + pong);
    } catch (RedisException e) {
      return Result.unhealthy("Redis unreachable: " + e.getMessage());
    }
  }
}
