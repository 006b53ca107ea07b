package dev.zerotorunning.wander.service;

import dev.zerotorunning.wander.core.DeploymentStatus;
import dev.zerotorunning.wander.core.Stats;
import dev.zerotorunning.wander.db.StatsDao;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dashboard's aggregate figures. */
public class StatsService {
  static final int CHART_DAYS = 14;

  private final StatsDao dao;

  public StatsService(StatsDao dao) {
    this.dao = dao;
  }

  /** The cache key of these figures' query (the resource caches the response). */
  public static final String CACHE_KEY = "days=" + CHART_DAYS;

  public Stats stats() {
    // Every status is listed, in lifecycle order, even at zero, so clients need no defaults.
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (DeploymentStatus status : DeploymentStatus.values()) {
      byStatus.put(status.wireName(), 0L);
    }
    dao.countByStatus().forEach(c -> byStatus.put(c.name(), c.count()));
    Map<String, Long> byEnvironment = new LinkedHashMap<>();
    dao.countByEnvironment().forEach(c -> byEnvironment.put(c.name(), c.count()));
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    return new Stats(
        total,
        byStatus,
        Stats.successRate(byStatus.get("completed"), byStatus.get("failed")),
        byEnvironment,
        dao.countLast24Hours(),
        dao.countPerDay(CHART_DAYS));
  }
}
