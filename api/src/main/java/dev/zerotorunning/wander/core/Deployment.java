package dev.zerotorunning.wander.core;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** One version of one service sent to one environment, and how it went. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Deployment(
    long id,
    Ref service,
    Ref environment,
    String version,
    DeploymentStatus status,
    String deployedBy,
    Instant startedAt,
    Instant completedAt,
    String errorMessage) {}
