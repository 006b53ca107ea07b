/**
 * A stand-in for the rollout worker, for the MSW handlers. It never moves on its own: a test
 * calls db.advanceRollout / db.finishRollout, so what a test sees is decided by the test, not by
 * timers. Each tick does what one step of the real worker does (rollout-contract.md).
 */
import {
  ROLLOUT_STEPS,
  STEP_LABELS,
  type Deployment,
  type Rollout,
  type RolloutStep,
  type RolloutStepName,
} from '../lib/api-client';

export const SIM_WORKER = 'sim-worker-1';

export interface SimRollout {
  worker: string | null;
  attempts: number;
  /** The planned failure (the worker's fail_step); null = the rollout succeeds. */
  failStep: RolloutStepName | null;
  failMessage: string;
  steps: RolloutStep[];
}

export function newRollout(): SimRollout {
  return {
    worker: null,
    attempts: 0,
    failStep: null,
    failMessage: 'the step failed',
    steps: ROLLOUT_STEPS.map((step, i) => ({
      step,
      position: i + 1,
      status: 'waiting',
      worker: null,
      started_at: null,
      finished_at: null,
      message: null,
    })),
  };
}

// The same kind of text the real worker's StepSimulator writes.
function successMessage(step: RolloutStepName, d: Deployment): string {
  const image = `${d.service.name}:${d.version}`;
  switch (step) {
    case 'build':
      return `Built image ${image} (sha256:${(d.id * 2654435761).toString(16).padStart(16, '0')})`;
    case 'push':
      return `Pushed ${image} to registry.wander.internal`;
    case 'deploy':
      return `Rolled out 3/3 replicas of ${d.service.name} to ${d.environment.name}`;
    case 'health_check':
      return '3/3 replicas ready; GET /health answered 200';
    case 'done':
      return `${d.service.name} ${d.version} is live in ${d.environment.name}`;
  }
}

function start(step: RolloutStep, worker: string, now: string) {
  step.status = 'running';
  step.worker = worker;
  step.started_at = now;
}

/**
 * One tick of the worker: pick the job up (pending -> in_progress, first step running), or end
 * the running step and start the next one; the last step, or a planned failure, ends the rollout.
 * Returns false when there was nothing left to do.
 */
export function tick(d: Deployment, r: SimRollout, now: string): boolean {
  if (d.status === 'pending') {
    r.worker = r.worker ?? SIM_WORKER;
    r.attempts += 1;
    d.status = 'in_progress';
    start(r.steps[0]!, r.worker, now);
    return true;
  }
  if (d.status !== 'in_progress') return false;
  const index = r.steps.findIndex((s) => s.status === 'running');
  if (index < 0) return false;
  const step = r.steps[index]!;
  step.finished_at = now;
  if (step.step === r.failStep) {
    step.status = 'failed';
    step.message = r.failMessage;
    for (const later of r.steps.slice(index + 1)) later.status = 'skipped';
    d.status = 'failed';
    d.completed_at = now;
    d.error_message = `${STEP_LABELS[step.step]} failed: ${r.failMessage}`;
    return true;
  }
  step.status = 'succeeded';
  step.message = successMessage(step.step, d);
  const next = r.steps[index + 1];
  if (next) {
    start(next, r.worker ?? SIM_WORKER, now);
  } else {
    d.status = 'completed';
    d.completed_at = now;
  }
  return true;
}

/** The body of GET /deployments/{id}/steps. */
export function rolloutView(d: Deployment, r: SimRollout | undefined): Rollout {
  if (!r) {
    return {
      deployment_id: d.id,
      status: d.status,
      automated: false,
      worker: null,
      attempts: 0,
      steps: [],
    };
  }
  return {
    deployment_id: d.id,
    status: d.status,
    automated: true,
    worker: r.worker,
    attempts: r.attempts,
    steps: r.steps.map((s) => ({ ...s })),
  };
}
