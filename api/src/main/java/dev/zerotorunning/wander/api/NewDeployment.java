package dev.zerotorunning.wander.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /api/deployments}: names, not ids, so a person can type it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewDeployment(
    String service, String environment, String version, String deployedBy) {}
