package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.cache.CacheStatus;
import dev.zerotorunning.wander.cache.Cached;
import dev.zerotorunning.wander.cache.ResponseCache;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * GET responses through the Redis response cache: a 200 that tells the client, in {@code X-Cache},
 * whether Redis answered. A hit writes the stored bytes as they are; a miss stores the body a hit
 * will replay.
 */
final class CachedResponses {
  static final String HEADER = "X-Cache";

  private final ResponseCache cache;

  CachedResponses(ResponseCache cache) {
    this.cache = cache;
  }

  /**
   * @param body the response body for a value and whether it came from the cache
   */
  <T> Response read(
      CachedRoute route, String query, Supplier<T> loader, BiFunction<T, Boolean, ?> body) {
    Cached<T> cached = cache.read(route.path, query, loader, value -> body.apply(value, true));
    Object entity =
        cached.status() == CacheStatus.HIT ? cached.json() : body.apply(cached.value(), false);
    return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE)
        .header(HEADER, cached.status().name())
        .build();
  }
}
