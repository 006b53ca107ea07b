package dev.zerotorunning.wander.limits;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** How many writes one client may make per minute; 0 turns the limit off. */
public class RateLimitSettings {
  @Min(0)
  @JsonProperty
  private int writesPerMinute = 60;

  @NotBlank @JsonProperty private String keyPrefix = "wander:ratelimit:";

  public int getWritesPerMinute() {
    return writesPerMinute;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }
}
