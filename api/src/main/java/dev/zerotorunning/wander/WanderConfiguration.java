package dev.zerotorunning.wander;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zerotorunning.wander.cache.CacheSettings;
import dev.zerotorunning.wander.cache.RedisFactory;
import dev.zerotorunning.wander.limits.RateLimitSettings;
import dev.zerotorunning.wander.worker.RolloutSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The whole of config.yml, validated at start-up. */
public class WanderConfiguration extends Configuration {

  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();

  @Valid @NotNull private RedisFactory redis = new RedisFactory();

  @Valid @NotNull private CacheSettings cache = new CacheSettings();

  @Valid @NotNull private RateLimitSettings rateLimit = new RateLimitSettings();

  @Valid @NotNull private RolloutSettings rollout = new RolloutSettings();

  @JsonProperty("database")
  public DataSourceFactory getDataSourceFactory() {
    return database;
  }

  @JsonProperty("database")
  public void setDataSourceFactory(DataSourceFactory database) {
    this.database = database;
  }

  @JsonProperty("redis")
  public RedisFactory getRedisFactory() {
    return redis;
  }

  @JsonProperty("redis")
  public void setRedisFactory(RedisFactory redis) {
    this.redis = redis;
  }

  @JsonProperty("cache")
  public CacheSettings getCache() {
    return cache;
  }

  @JsonProperty("rateLimit")
  public RateLimitSettings getRateLimit() {
    return rateLimit;
  }

  @JsonProperty("rateLimit")
  public void setRateLimit(RateLimitSettings rateLimit) {
    this.rateLimit = rateLimit;
  }

  @JsonProperty("rollout")
  public RolloutSettings getRollout() {
    return rollout;
  }

  @JsonProperty("rollout")
  public void setRollout(RolloutSettings rollout) {
    this.rollout = rollout;
  }

  @JsonProperty("cache")
  public void setCache(CacheSettings cache) {
    this.cache = cache;
  }
}
