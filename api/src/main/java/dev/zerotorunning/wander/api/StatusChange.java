package dev.zerotorunning.wander.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code PATCH /api/deployments/{id}}. The status stays a string so an unknown one is a
 * 422.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatusChange(String status, String errorMessage) {}
