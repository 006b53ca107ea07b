package dev.zerotorunning.wander.cache;

/** What the cache did for one read; sent as the {@code X-Cache} header. */
public enum CacheStatus {
  /** Served from Redis. */
  HIT,
  /** Loaded from PostgreSQL and stored in Redis. */
  MISS,
  /** Redis unavailable: loaded from PostgreSQL, nothing stored. */
  BYPASS
}
