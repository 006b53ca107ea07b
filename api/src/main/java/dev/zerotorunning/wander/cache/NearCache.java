package dev.zerotorunning.wander.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Arrays;

/**
 * JVM-local copies of the entries Redis holds, so that a hit costs no round trip. A copy is only
 * trusted while Redis tells this connection of every change of the generation key (RESP3 client
 * tracking in broadcast mode, {@code CLIENT TRACKING ON BCAST PREFIX <generation key>}): a write
 * anywhere (this API, another replica, a worker) bumps the generation, Redis pushes an {@code
 * invalidate} on this same connection, and every copy is dropped. A lost connection drops them too,
 * and so does a copy's age past {@code ttl}: that bounds what a silently cut connection could
 * serve.
 *
 * <p>Every change of what the copies may be trusted for bumps an epoch; a value read from Redis is
 * kept only when no change happened between the read and the keeping, which closes the race of a
 * push that overtakes the thread that read the old value.
 */
final class NearCache implements RedisConnection.Watcher {
  private record Copy(byte[] generation, byte[] body) {}

  private final String generationKey;
  private final boolean enabled;
  private final Cache<String, Copy> copies;
  private final Object lock = new Object();
  private final Object tracking = new Object();

  /** Bumped (under {@link #lock}) whenever the copies are dropped. */
  private volatile long epoch;

  /** The generation the copies belong to; null while not known to be current. */
  private volatile byte[] generation;

  /** Bumped on every lost connection: Redis forgets a connection's tracking with it. */
  private volatile long connection;

  /** The {@link #connection} on which tracking was turned on, or -1. */
  private volatile long trackedConnection = -1;

  NearCache(String generationKey, Duration ttl, long maxEntries) {
    this.generationKey = generationKey;
    this.enabled = !ttl.isZero();
    this.copies = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
  }

  /** The current body stored under {@code key}, or null: then Redis is asked. */
  byte[] body(String key) {
    byte[] current = generation;
    if (current == null) {
      return null;
    }
    Copy copy = copies.getIfPresent(key);
    return copy != null && Arrays.equals(copy.generation, current) ? copy.body : null;
  }

  /** The epoch to pass to {@link #keep} for a value read from Redis after this call. */
  long epoch() {
    return epoch;
  }

  /**
   * Keeps what Redis answered for {@code key} ({@code body} may be null: the generation alone)
   * unless the copies were dropped since {@code epochBefore} or tracking is off.
   */
  void keep(long epochBefore, byte[] currentGeneration, String key, byte[] body) {
    synchronized (lock) {
      if (epoch != epochBefore || trackedConnection != connection) {
        return;
      }
      generation = currentGeneration;
      if (body != null) {
        copies.put(key, new Copy(currentGeneration, body));
      }
    }
  }

  /**
   * Turns tracking on when this connection does not have it yet: once per connection, before the
   * first read whose answer may be kept. Off first, because a connection that has it (after a
   * reconnect that raced this call) refuses the same prefix twice; nothing read before is kept. The
   * commands run outside {@link #lock}: pushes and disconnects take it on Lettuce's I/O thread.
   */
  void track(RedisCommands<String, String> commands, boolean resp3) {
    if (trackedConnection == connection || !resp3 || !enabled) {
      return; // untracked, nothing is kept: RESP2 has no pushes on the connection itself
    }
    synchronized (tracking) {
      long current = connection;
      if (trackedConnection == current) {
        return;
      }
      commands.clientTracking(TrackingArgs.Builder.enabled(false));
      commands.clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes(generationKey));
      synchronized (lock) {
        if (connection == current) {
          trackedConnection = current;
        }
      }
    }
  }

  /** Drops every copy: a write of this process, a failed command, a push or a lost connection. */
  void drop() {
    synchronized (lock) {
      epoch++;
      generation = null;
      copies.invalidateAll();
    }
  }

  @Override
  public void onPushMessage(PushMessage message) {
    if ("invalidate".equals(message.getType())) {
      drop();
    }
  }

  @Override
  public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> handler) {
    synchronized (lock) {
      connection++;
      drop();
    }
  }
}
