package dev.zerotorunning.wander.health;

import dev.zerotorunning.wander.api.HealthReport;
import dev.zerotorunning.wander.api.HealthReport.Check;
import dev.zerotorunning.wander.cache.RedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Probes PostgreSQL and Redis for {@code GET /api/health}, timing each answer. */
public class HealthReporter {
  private final Jdbi jdbi;
  private final RedisConnection redis;
  private final String version;
  private final Instant startedAt;
  private final Clock clock;

  public HealthReporter(Jdbi jdbi, RedisConnection redis, String version, Clock clock) {
    this.jdbi = jdbi;
    this.redis = redis;
    this.version = version;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  public HealthReport report() {
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put(
        "postgres",
        timed(() -> jdbi.withHandle(h -> h.select("SELECT 1").mapTo(Integer.class).one())));
    checks.put("redis", timed(() -> redis.commands().ping()));
    String status;
    if (!checks.get("postgres").up()) {
      status = "unhealthy";
    } else {
      status = checks.values().stream().allMatch(Check::up) ? "healthy" : "degraded";
    }
    long uptime = Duration.between(startedAt, clock.instant()).toSeconds();
    return new HealthReport(status, checks, version, uptime);
  }

  private Check timed(Runnable probe) {
    long start = System.nanoTime();
    boolean up;
    try {
      probe.run();
      up = true;
    } catch (RuntimeException e) {
      up = false;
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    return new Check(up ? "up" : "down", millis);
  }
}
