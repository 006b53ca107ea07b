package dev.zerotorunning.wander.cache;

/**
 * What a cached read produced: on a {@link CacheStatus#HIT} the stored JSON body, as Redis holds it
 * ({@code value} is null); otherwise the value loaded from PostgreSQL ({@code json} is null).
 */
public record Cached<T>(T value, byte[] json, CacheStatus status) {
  static <T> Cached<T> hit(byte[] json) {
    return new Cached<>(null, json, CacheStatus.HIT);
  }

  static <T> Cached<T> loaded(T value, CacheStatus status) {
    return new Cached<>(value, null, status);
  }
}
