package dev.zerotorunning.wander.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.zerotorunning.wander.cache.Cached;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.core.DeploymentStatus;
import dev.zerotorunning.wander.core.Stats;
import dev.zerotorunning.wander.db.StatsDao;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dashboard's aggregate figures, read through the cache. */
public class StatsService {
  static final int CHART_DAYS = 14;
  private static final TypeReference<Stats> STATS = new TypeReference<>() {};

  private final StatsDao dao;
  private final ResponseCache cache;

  public StatsService(StatsDao dao, ResponseCache cache) {
    this.dao = dao;
    this.cache = cache;
  }

  public Cached<Stats> stats() {
    return cache.read("stats", "days=" + CHART_DAYS, STATS, this::compute);
  }

  private Stats compute() {
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
