package dev.zerotorunning.wander.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How long read-through entries live and how their keys are named. */
public class CacheSettings {

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @JsonProperty
  private Duration ttl = Duration.seconds(60);

  @NotBlank @JsonProperty private String keyPrefix = "wander:cache:";

  public Duration getTtl() {
    return ttl;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }
}
