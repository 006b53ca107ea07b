package dev.zerotorunning.wander.api;

/** Answer of {@code DELETE /api/cache}. */
public record CacheCleared(long cleared) {}
