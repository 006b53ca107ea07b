package dev.zerotorunning.wander.worker;

/** This worker's lease on a rollout expired or was taken; it must stop writing to it. */
class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LeaseLostException(long deploymentId) {
    super("lost the lease on the rollout of deployment " + deploymentId, null, false, false);
  }
}
