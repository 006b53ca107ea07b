package dev.zerotorunning.wander.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.zerotorunning.wander.core.DeploymentStatus;
import java.util.List;

/**
 * {@code GET /deployments/{id}/steps}: every step of the rollout, including those not reached. A
 * deployment recorded by hand ({@code automated: false}) has no steps.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RolloutView(
    long deploymentId,
    DeploymentStatus status,
    boolean automated,
    String worker,
    int attempts,
    List<StepView> steps) {}
