package dev.zerotorunning.wander.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.zerotorunning.wander.core.RolloutStep;
import dev.zerotorunning.wander.core.StepStatus;
import java.time.Instant;

/** One step of a rollout as the dashboard shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepView(
    RolloutStep step,
    int position,
    StepStatus status,
    String worker,
    Instant startedAt,
    Instant finishedAt,
    String message) {}
