package dev.zerotorunning.wander.api;

import java.util.List;

/** A page of a list: the items, how many match in all, and whether Redis answered. */
public record ListEnvelope<T>(List<T> data, long count, boolean cached) {}
