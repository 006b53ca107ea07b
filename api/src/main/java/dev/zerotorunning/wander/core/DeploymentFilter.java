package dev.zerotorunning.wander.core;

/**
 * Which deployments a list asks for. Null means "any". Its {@link #cacheKey()} names the query
 * canonically, so equal filters share one cache entry whatever order the URL had.
 */
public record DeploymentFilter(
    String service, String environment, DeploymentStatus status, int limit, int offset) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /** The status as stored in the database, for SQL binding. */
  public String statusName() {
    return status == null ? null : status.wireName();
  }

  public String cacheKey() {
    return "service=%s&environment=%s&status=%s&limit=%d&offset=%d"
        .formatted(
            service == null ? "" : service,
            environment == null ? "" : environment,
            status == null ? "" : status.wireName(),
            limit,
            offset);
  }
}
