package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.cache.CacheStatus;
import jakarta.ws.rs.core.Response;

/** A 200 that tells the client, in {@code X-Cache}, whether Redis answered. */
final class CachedResponses {
  static final String HEADER = "X-Cache";

  private CachedResponses() {}

  static Response ok(Object body, CacheStatus status) {
    return Response.ok(body).header(HEADER, status.name()).build();
  }
}
