package dev.zerotorunning.wander.core;

/** A short reference to a service or an environment inside a deployment. */
public record Ref(long id, String name) {}
