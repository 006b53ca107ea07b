package dev.zerotorunning.wander.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** Body of {@code GET /api/health}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HealthReport(String status, Map<String, Check> checks, String version, long uptimeS) {

  /** One dependency's state and how long it took to answer. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Check(String status, long latencyMs) {
    public boolean up() {
      return "up".equals(status);
    }
  }
}
