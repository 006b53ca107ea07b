package dev.zerotorunning.wander.core;

/** A place services are deployed to: development, staging, production. */
public record Environment(long id, String name, String description) {}
