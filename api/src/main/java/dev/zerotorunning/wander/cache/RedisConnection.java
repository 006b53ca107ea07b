package dev.zerotorunning.wander.cache;

import io.dropwizard.lifecycle.Managed;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.StatefulRedisConnectionImpl;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's one Redis connection, owned by Dropwizard's lifecycle. The API must start and serve
 * while Redis is away, so the first connection is made lazily and retried at most once per {@code
 * retryDelay}; once made, Lettuce reconnects by itself.
 */
public class RedisConnection implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

  private final RedisClient client;
  private final ClientResources resources;
  private final String uri;
  private final long retryDelayNanos;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long nextAttemptNanos;
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

  /** Hears what Redis pushes on the connection and each loss of it (client-side caching). */
  interface Watcher extends PushListener, RedisConnectionStateListener {}

  public RedisConnection(
      RedisClient client, ClientResources resources, String uri, Duration retryDelay) {
    this.client = client;
    this.resources = resources;
    this.uri = uri;
    this.retryDelayNanos = retryDelay.toNanos();
  }

  /** Synchronous commands, or a {@link RedisException} at once when Redis cannot be reached. */
  public RedisCommands<String, String> commands() {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null) {
      current = connect();
    }
    return current.sync();
  }

  /** Whether the connection is up (as far as Lettuce knows). */
  public boolean isOpen() {
    StatefulRedisConnection<String, String> current = connection;
    return current != null && current.isOpen();
  }

  /** Whether the connection speaks RESP3, the protocol in which Redis pushes on it. */
  public boolean resp3() {
    return connection instanceof StatefulRedisConnectionImpl<?, ?> impl
        && impl.getConnectionState().getNegotiatedProtocolVersion() == ProtocolVersion.RESP3;
  }

  /** Tells {@code watcher} of the pushes and lost connections of this connection from now on. */
  synchronized void watch(Watcher watcher) {
    watchers.add(watcher);
    if (connection != null) {
      listen(connection, watcher);
    }
  }

  private static void listen(StatefulRedisConnection<String, String> to, Watcher watcher) {
    to.addListener((PushListener) watcher);
    to.addListener((RedisConnectionStateListener) watcher);
  }

  private synchronized StatefulRedisConnection<String, String> connect() {
    if (connection != null) {
      return connection;
    }
    long now = System.nanoTime();
    if (now - nextAttemptNanos < 0) {
      throw new RedisException("Redis at " + uri + " is unreachable; next attempt shortly");
    }
    try {
      StatefulRedisConnection<String, String> made = client.connect();
      watchers.forEach(watcher -> listen(made, watcher));
      connection = made;
      LOG.info("Connected to Redis at {}", uri);
      return connection;
    } catch (RedisException e) {
      nextAttemptNanos = now + retryDelayNanos;
      throw e;
    }
  }

  /**
   * Connects in the background: the first connection loads Lettuce and Netty (about half a second
   * of a 2-core machine), and nothing needs it before the server is up. A command that comes first
   * waits for the same connect ({@link #connect} is synchronized).
   */
  @Override
  public void start() {
    Thread connecting = new Thread(this::firstConnect, "redis-connect");
    connecting.setDaemon(true);
    connecting.start();
  }

  private void firstConnect() {
    try {
      commands().ping();
    } catch (RedisException e) {
      LOG.warn(
          "Redis at {} is not reachable yet ({}); serving without cache until it is",
          uri,
          e.getMessage());
    }
  }

  @Override
  public void stop() {
    StatefulRedisConnection<String, String> current = connection;
    if (current != null) {
      current.close();
    }
    client.shutdown(0, 2, TimeUnit.SECONDS);
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
