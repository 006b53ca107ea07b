package dev.zerotorunning.wander.queue;

/** One delivery of a rollout job: the stream entry and the deployment it asks to roll out. */
public record RolloutJob(String entryId, long deploymentId) {}
