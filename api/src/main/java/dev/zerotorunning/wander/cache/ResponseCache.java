package dev.zerotorunning.wander.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-through cache of API response bodies in Redis. Each entry records the generation it was
 * stored in; a write bumps the generation, which makes every older entry stale in one command (a
 * stale entry is a miss, overwritten by the next read, or expires by TTL). Any Redis failure turns
 * into {@link CacheStatus#BYPASS}: the caller is answered from PostgreSQL. Each read is counted by
 * its result ({@link CacheMetrics}). A current entry is also kept in this JVM ({@link NearCache}),
 * which Redis tells of every generation change, so that most hits ask Redis nothing.
 */
public class ResponseCache {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

  /** INCR starts a missing generation key at 1, so 0 is the generation before any write. */
  private static final byte[] FIRST_GENERATION = {'0'};

  private final RedisConnection redis;
  private final ObjectMapper mapper;
  private final String prefix;
  private final long ttlSeconds;
  private final String generationKey;
  private final CacheMetrics metrics;
  private final NearCache near;

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
    this.near = new NearCache(generationKey, settings.getLocalTtl(), settings.getLocalMaxEntries());
    redis.watch(near);
  }

  /**
   * The body stored for {@code name?query}, or else the value {@code loader} loads, stored as the
   * body a hit replays ({@code hitBody}, serialised once). A hit costs one round trip (MGET of the
   * generation and the entry) and hands back the bytes Redis sent, never parsed.
   */
  public <T> Cached<T> read(
      String name, String query, Supplier<T> loader, Function<? super T, ?> hitBody) {
    Cached<T> answer = lookUp(name, query, loader, hitBody);
    metrics.record(name, answer.status());
    return answer;
  }

  /**
   * The body stored for {@code name?query} when Redis holds a current one: the path of a hit that
   * is answered before any request routing ({@code resources.CacheHitFilter}), counted as a hit.
   * Anything else is empty and counted by nobody: a miss, a stale entry, an invalidation still
   * pending, or Redis unavailable. The caller then goes on to {@link #read}, which counts it.
   */
  public Optional<byte[]> storedBody(String name, String query) {
    if (bypassing.get() || invalidationPending.get()) {
      return Optional.empty();
    }
    String key = key(name, query);
    byte[] body = localBody(key);
    if (body == null) {
      try {
        body = fetch(redis.commands(), key).body();
      } catch (RedisException e) {
        bypassed(e);
        return Optional.empty();
      }
    }
    if (body == null) {
      return Optional.empty();
    }
    metrics.record(name, CacheStatus.HIT);
    return Optional.of(body);
  }

  /**
   * The local copy of a current entry, while the connection stands, Redis is not being bypassed and
   * no write is pending; else null.
   */
  private byte[] localBody(String key) {
    return bypassing.get() || invalidationPending.get() || !redis.isOpen() ? null : near.body(key);
  }

  /** What one round trip found, and the near cache's epoch from before it. */
  private record Found(long epoch, byte[] generation, byte[] body) {}

  /** The generation and the entry's current body from Redis, kept locally when they may be. */
  private Found fetch(RedisCommands<String, String> commands, String key) {
    near.track(commands, redis.resp3());
    long epoch = near.epoch();
    List<byte[]> found = generationAndEntry(commands, key);
    byte[] generation = generation(found);
    byte[] body = body(found, generation);
    near.keep(epoch, generation, key, body);
    return new Found(epoch, generation, body);
  }

  private <T> Cached<T> lookUp(
      String name, String query, Supplier<T> loader, Function<? super T, ?> hitBody) {
    String key = key(name, query);
    byte[] local = localBody(key);
    if (local != null) {
      return Cached.hit(local);
    }
    Found found;
    try {
      RedisCommands<String, String> commands = redis.commands();
      finishPendingInvalidation(commands);
      found = fetch(commands, key);
      recovered();
    } catch (RedisException e) {
      bypassed(e);
      return Cached.loaded(loader.get(), CacheStatus.BYPASS);
    }
    if (found.body() != null) {
      return Cached.hit(found.body());
    }
    T value = loader.get();
    try {
      byte[] stored = mapper.writeValueAsBytes(hitBody.apply(value));
      byte[] entry = CacheEntry.of(found.generation(), stored);
      redis
          .commands()
          .dispatch(
              CommandType.SETEX,
              new StatusOutput<>(StringCodec.UTF8),
              new CommandArgs<>(StringCodec.UTF8).addKey(key).add(ttlSeconds).add(entry));
      near.keep(found.epoch(), found.generation(), key, stored);
    } catch (RedisException | JsonProcessingException e) {
      LOG.warn("Could not store cache entry {}: {}", key, e.getMessage());
    }
    return Cached.loaded(value, CacheStatus.MISS);
  }

  /** One round trip: the generation and the entry, as the bytes Redis sent. */
  private List<byte[]> generationAndEntry(RedisCommands<String, String> commands, String key) {
    return commands.dispatch(
        CommandType.MGET,
        new RawValuesOutput(),
        new CommandArgs<>(StringCodec.UTF8).addKeys(generationKey, key));
  }

  private static byte[] generation(List<byte[]> found) {
    return found.get(0) == null ? FIRST_GENERATION : found.get(0);
  }

  private static byte[] body(List<byte[]> found, byte[] generation) {
    return found.get(1) == null ? null : CacheEntry.body(found.get(1), generation);
  }

  /** Makes every entry stale. Called after each write; never fails the write. */
  public void invalidate() {
    invalidationPending.set(true);
    near.drop();
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
    near.drop();
    return deleted;
  }

  private void finishPendingInvalidation(RedisCommands<String, String> commands) {
    if (invalidationPending.get()) {
      commands.incr(generationKey);
      near.drop(); // this process's copies go now, before the push that says the same
      invalidationPending.set(false);
    }
  }

  // Log the change of state once, not once per request.
  private void bypassed(RedisException e) {
    near.drop(); // no copy outlives a failed command: invalidations may be lost with it
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

  private String key(String name, String query) {
    return prefix + name + "?" + query;
  }
}
