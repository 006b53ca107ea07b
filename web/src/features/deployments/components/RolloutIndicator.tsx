import './rollout.css';
import type { DeploymentStatus } from '../../../lib/api-client';

/** Shown in place of the manual buttons while a worker owns the deployment. */
export function RolloutIndicator({ status }: { status: DeploymentStatus }) {
  const queued = status === 'pending';
  return (
    <span
      className="rolling-out"
      data-testid="rolling-out"
      title="A worker moves this deployment through its steps on its own; manual transitions are off until it ends."
    >
      <span className="spinner" aria-hidden="true" />
      {queued ? 'Queued for a worker' : 'Rolling out'}
    </span>
  );
}
