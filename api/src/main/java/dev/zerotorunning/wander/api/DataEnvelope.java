package dev.zerotorunning.wander.api;

/** {@code {"data": ...}}: every successful body has this shape. */
public record DataEnvelope<T>(T data) {}
