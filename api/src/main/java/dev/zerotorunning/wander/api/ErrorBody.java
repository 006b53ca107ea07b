package dev.zerotorunning.wander.api;

import java.time.Instant;
import java.util.List;

/** The one error shape the API answers with. */
public record ErrorBody(String error, int status, Instant timestamp, List<FieldError> details) {}
