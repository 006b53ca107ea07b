package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.service.StatsService;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The GET routes whose 200 bodies the response cache keeps, each naming its cache entry: the one
 * table that the resources read through ({@link CachedResponses}) and that {@link CacheHitFilter}
 * answers hits from, so both find the same entry for a request.
 */
enum CachedRoute {
  DEPLOYMENTS(
      "deployments",
      param ->
          QueryParams.deploymentFilter(
                  param.apply("service"),
                  param.apply("environment"),
                  param.apply("status"),
                  param.apply("limit"),
                  param.apply("offset"))
              .cacheKey()),
  SERVICES("services", param -> ""),
  ENVIRONMENTS("environments", param -> ""),
  STATS("stats", param -> StatsService.CACHE_KEY);

  /** The route below the API's root path, which is also its entries' name. */
  final String path;

  private final Function<UnaryOperator<String>, String> query;

  CachedRoute(String path, Function<UnaryOperator<String>, String> query) {
    this.path = path;
    this.query = query;
  }

  /**
   * The entry's canonical query for a request whose query parameter values {@code param} gives
   * (null when absent). Throws the resource's {@code ApiException} for a value it refuses.
   */
  String query(UnaryOperator<String> param) {
    return query.apply(param);
  }
}
