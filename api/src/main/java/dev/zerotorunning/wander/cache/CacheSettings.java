package dev.zerotorunning.wander.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
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

  /**
   * How long a JVM-local copy of an entry is served without asking Redis (writes drop the copies at
   * once: {@link NearCache}); it bounds what a silently cut connection could serve. 0s: none.
   */
  @NotNull @JsonProperty private Duration localTtl = Duration.seconds(1);

  /** At most this many local copies (one per URL and query). */
  @Min(1)
  @JsonProperty
  private long localMaxEntries = 1_000;

  public Duration getTtl() {
    return ttl;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public java.time.Duration getLocalTtl() {
    return localTtl.toJavaDuration();
  }

  public long getLocalMaxEntries() {
    return localMaxEntries;
  }
}
