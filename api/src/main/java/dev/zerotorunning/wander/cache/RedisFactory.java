package dev.zerotorunning.wander.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Jackson-configurable Redis client settings, in the shape of dropwizard-redis (which targets
 * Dropwizard 2 and does not load on 5): the factory builds a Lettuce client tuned to fail fast, so
 * a slow or absent Redis turns into a cache BYPASS instead of a slow API.
 */
public class RedisFactory {

  @NotBlank @JsonProperty private String uri = "redis://localhost:6379/0";

  @NotNull @JsonProperty private Duration commandTimeout = Duration.milliseconds(250);

  @NotNull @JsonProperty private Duration connectTimeout = Duration.milliseconds(500);

  @NotNull @JsonProperty private Duration reconnectDelay = Duration.milliseconds(500);

  public String getUri() {
    return uri;
  }

  public Duration getCommandTimeout() {
    return commandTimeout;
  }

  /** A connection whose client rejects commands while disconnected and reconnects steadily. */
  public RedisConnection build() {
    return build(java.time.Duration.ofMillis(commandTimeout.toMilliseconds()));
  }

  /**
   * The same with another command timeout: a worker's blocking read waits for jobs far longer than
   * a cache lookup may take.
   */
  public RedisConnection build(java.time.Duration timeout) {
    ClientResources resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.constant(java.time.Duration.ofMillis(reconnectDelay.toMilliseconds())))
            .build();
    RedisClient client = RedisClient.create(resources, RedisURI.create(uri));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // Queued commands would wait for a reconnect; the cache must answer at once instead.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(
                SocketOptions.builder()
                    .connectTimeout(java.time.Duration.ofMillis(connectTimeout.toMilliseconds()))
                    .build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
    return new RedisConnection(
        client, resources, uri, java.time.Duration.ofMillis(reconnectDelay.toMilliseconds()));
  }
}
