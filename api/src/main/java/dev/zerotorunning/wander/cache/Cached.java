package dev.zerotorunning.wander.cache;

/** A value and how the cache produced it. */
public record Cached<T>(T value, CacheStatus status) {}
