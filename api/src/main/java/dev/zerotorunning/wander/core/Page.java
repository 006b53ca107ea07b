package dev.zerotorunning.wander.core;

import java.util.List;

/** One page of a list and how many items match in all. */
public record Page<T>(List<T> items, long total) {}
