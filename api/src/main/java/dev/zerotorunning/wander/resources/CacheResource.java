package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.CacheCleared;
import dev.zerotorunning.wander.api.DataEnvelope;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.errors.ApiException;
import io.lettuce.core.RedisException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/cache")
@Produces(MediaType.APPLICATION_JSON)
public class CacheResource {
  private final ResponseCache cache;

  public CacheResource(ResponseCache cache) {
    this.cache = cache;
  }

  @DELETE
  public DataEnvelope<CacheCleared> clear() {
    try {
      return new DataEnvelope<>(new CacheCleared(cache.clear()));
    } catch (RedisException e) {
      throw new ApiException(
          503, "Redis is unavailable, so there is no cache to clear right now", List.of());
    }
  }
}
