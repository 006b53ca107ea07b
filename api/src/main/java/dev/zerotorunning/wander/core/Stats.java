package dev.zerotorunning.wander.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Aggregate figures for the dashboard's cards and chart. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Stats(
    long total,
    Map<String, Long> byStatus,
    Double successRate,
    Map<String, Long> byEnvironment,
    @JsonProperty("last_24h") long last24h,
    List<DayCount> perDay) {

  /** Deployments started on one UTC day. */
  public record DayCount(LocalDate date, long count) {}

  /** completed ÷ (completed + failed), or null while neither has happened. */
  public static Double successRate(long completed, long failed) {
    long finished = completed + failed;
    return finished == 0 ? null : Math.round(completed * 10000.0 / finished) / 10000.0;
  }
}
