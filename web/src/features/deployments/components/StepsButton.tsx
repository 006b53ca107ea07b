import { isRollingOut, type Deployment } from '../../../lib/api-client';
import './rollout.css';

interface Props {
  deployment: Deployment;
  expanded: boolean;
  onOpen: (opener: HTMLElement) => void;
}

/**
 * Opens the rollout steps of an automated deployment. While a worker owns it, the button is also
 * what says so, in place of the manual buttons (the API answers 409 to them): "Queued" or
 * "Rolling out" with a spinner.
 */
export function StepsButton({ deployment: d, expanded, onOpen }: Props) {
  const running = isRollingOut(d);
  const state = d.status === 'pending' ? 'Queued' : 'Rolling out';
  return (
    <button
      type="button"
      className={`btn btn-small ${running ? 'btn-rolling' : 'btn-ghost'}`}
      data-testid="steps-button"
      aria-label={`${running ? `${state}: s` : 'S'}how rollout steps of deployment ${d.id}`}
      title={
        running
          ? 'A worker moves this deployment through its steps on its own; manual transitions are off until it ends.'
          : undefined
      }
      aria-expanded={expanded}
      aria-controls={expanded ? 'steps-panel' : undefined}
      onClick={(e) => onOpen(e.currentTarget)}
    >
      {running ? (
        <span className="rolling-out" data-testid="rolling-out">
          <span className="spinner" aria-hidden="true" />
          {state}
        </span>
      ) : (
        'Steps'
      )}
    </button>
  );
}
