package dev.zerotorunning.wander.core;

import java.time.Instant;

/** One stored row of {@code deployment_steps}. */
public record StepRecord(
    RolloutStep step,
    StepStatus status,
    String worker,
    Instant startedAt,
    Instant finishedAt,
    String message) {}
