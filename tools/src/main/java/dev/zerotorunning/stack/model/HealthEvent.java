package dev.zerotorunning.stack.model;

import java.time.Instant;

/** A {@code health_status} event make dev recorded ({@code docker events}). */
public record HealthEvent(String container, Instant time, String status) {}
