package dev.zerotorunning.wander.db;

/** A label and how many rows carry it. */
public record NamedCount(String name, long count) {}
