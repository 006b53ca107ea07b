package dev.zerotorunning.wander.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-through cache of API responses in Redis. Entry keys carry a generation number; a write bumps
 * the generation, which makes every older entry unreachable in one command (they expire by TTL).
 * Any Redis failure turns into {@link CacheStatus#BYPASS}: the caller is answered from PostgreSQL.
 * Each read is counted by its result ({@link CacheMetrics}).
 */
public class ResponseCache {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

  private final RedisConnection redis;
  private final ObjectMapper mapper;
  private final String prefix;
  private final long ttlSeconds;
  private final String generationKey;
  private final CacheMetrics metrics;

  /** A write whose invalidation could not reach Redis; no entry may be read until it is done. */
  private final AtomicBoolean invalidationPending = new AtomicBoolean();

  private final AtomicBoolean bypassing = new AtomicBoolean();

  public ResponseCache(
      RedisConnection redis, ObjectMapper mapper, CacheSettings settings, CacheMetrics metrics) {
    this.redis = redis;
    this.metrics = metrics;
    this.mapper = mapper;
    this.prefix = settings.getKeyPrefix();
    this.ttlSeconds = Math.max(1, settings.getTtl().toSeconds());
    this.generationKey = prefix + "generation";
  }

  public <T> Cached<T> read(String name, String query, TypeReference<T> type, Supplier<T> loader) {
    Cached<T> answer = lookUp(name, query, type, loader);
    metrics.record(name, answer.status());
    return answer;
  }

  private <T> Cached<T> lookUp(
      String name, String query, TypeReference<T> type, Supplier<T> loader) {
    String key;
    String stored;
    try {
      RedisCommands<String, String> commands = redis.commands();
      finishPendingInvalidation(commands);
      String generation = commands.get(generationKey);
      key = prefix + (generation == null ? "0" : generation) + ":" + name + "?" + query;
      stored = commands.get(key);
      recovered();
    } catch (RedisException e) {
      bypassed(e);
      return new Cached<>(loader.get(), CacheStatus.BYPASS);
    }
    if (stored != null) {
      try {
        return new Cached<>(mapper.readValue(stored, type), CacheStatus.HIT);
      } catch (JsonProcessingException e) {
        LOG.warn("Ignoring unreadable cache entry {}: {}", key, e.getOriginalMessage());
      }
    }
    T value = loader.get();
    try {
      redis.commands().setex(key, ttlSeconds, mapper.writeValueAsString(value));
    } catch (RedisException | JsonProcessingException e) {
      LOG.warn("Could not store cache entry {}: {}", key, e.getMessage());
    }
    return new Cached<>(value, CacheStatus.MISS);
  }

  /** Makes every entry stale. Called after each write; never fails the write. */
  public void invalidate() {
    invalidationPending.set(true);
    try {
      finishPendingInvalidation(redis.commands());
    } catch (RedisException e) {
      LOG.warn(
          "Redis unavailable; cache invalidation deferred until it returns: {}", e.getMessage());
    }
  }

  /** Deletes this API's entries and returns how many there were. */
  public long clear() {
    RedisCommands<String, String> commands = redis.commands();
    long deleted = 0;
    ScanArgs matching = ScanArgs.Builder.matches(prefix + "*").limit(500);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = commands.scan(cursor, matching);
      List<String> entries = page.getKeys().stream().filter(k -> !k.equals(generationKey)).toList();
      if (!entries.isEmpty()) {
        deleted += commands.unlink(entries.toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
    commands.incr(generationKey);
    return deleted;
  }

  private void finishPendingInvalidation(RedisCommands<String, String> commands) {
    if (invalidationPending.get()) {
      commands.incr(generationKey);
      invalidationPending.set(false);
    }
  }

  // Log the change of state once, not once per request.
  private void bypassed(RedisException e) {
    if (bypassing.compareAndSet(false, true)) {
      LOG.warn(
          "Redis unavailable, answering from PostgreSQL (X-Cache: BYPASS): {}", e.getMessage());
    }
  }

  private void recovered() {
    if (bypassing.compareAndSet(true, false)) {
      LOG.info("Redis is back; caching again");
    }
  }
}
