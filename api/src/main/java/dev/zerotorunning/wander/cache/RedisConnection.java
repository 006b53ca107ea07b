package dev.zerotorunning.wander.cache;

import io.dropwizard.lifecycle.Managed;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
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

  private synchronized StatefulRedisConnection<String, String> connect() {
    if (connection != null) {
      return connection;
    }
    long now = System.nanoTime();
    if (now - nextAttemptNanos < 0) {
      throw new RedisException("Redis at " + uri + " is unreachable; next attempt shortly");
    }
    try {
      connection = client.connect();
      LOG.info("Connected to Redis at {}", uri);
      return connection;
    } catch (RedisException e) {
      nextAttemptNanos = now + retryDelayNanos;
      throw e;
    }
  }

  @Override
  public void start() {
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
