import { useEffect, useRef } from 'react';
import { ApiError, type Deployment } from '../../../lib/api-client';
import { stepsStillMoving, useDeploymentSteps } from '../api/get-deployment-steps';
import { useRefreshListWhenStatusChanges } from '../api/refresh-after-rollout';
import { RolloutSteps } from './RolloutSteps';
import { StatusBadge } from './StatusBadge';
import './rollout.css';

interface Props {
  deploymentId: number;
  /** The row from the table, for the heading; absent when it is not on the current page. */
  deployment?: Deployment | undefined;
  onClose: () => void;
}

function StepsBody({ deploymentId }: { deploymentId: number }) {
  const { data, isPending, isError, error, refetch, isFetching } = useDeploymentSteps(deploymentId);
  useRefreshListWhenStatusChanges(data?.status);

  if (isPending) {
    return (
      <p className="muted" aria-busy="true">
        Loading steps…
      </p>
    );
  }
  if (isError && !data) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <div className="state-box state-error" role="alert" data-testid="steps-error">
        {missing ? (
          <>
            <strong>Deployment #{deploymentId} does not exist (404).</strong> It may have been
            removed by <code>make reset-db</code>; refresh the list.
          </>
        ) : (
          <>
            <strong>Could not load the steps.</strong> {error.message}{' '}
            <button
              type="button"
              className="btn btn-small"
              disabled={isFetching}
              onClick={() => void refetch()}
            >
              Retry
            </button>
          </>
        )}
      </div>
    );
  }

  const live = stepsStillMoving(data);
  return (
    <>
      <div className="rollout-status">
        <StatusBadge status={data.status} />
        {live ? (
          <span className="live" data-testid="steps-live">
            <span className="live-dot" aria-hidden="true" /> Live: updating while the worker runs
          </span>
        ) : (
          data.automated && <span className="muted">Final: the worker is done with it.</span>
        )}
      </div>
      {isError && (
        <p className="field-error" role="alert">
          Refresh failed: {error.message}
        </p>
      )}
      {data.automated ? (
        <RolloutSteps rollout={data} />
      ) : (
        <p className="state-box" data-testid="steps-manual">
          <strong>Recorded by hand.</strong> Deployment #{deploymentId} is seeded sample data or was
          recorded manually: no worker rolled it out, so it has no rollout steps. Its status changes
          only through the buttons in its row.
        </p>
      )}
    </>
  );
}

/**
 * A side panel with one deployment's rollout. Non-modal: the table stays usable (and keeps
 * updating) next to it. Escape or Close dismisses it; the caller puts focus back.
 */
export function StepsDrawer({ deploymentId, deployment, onClose }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the panel they opened.
  useEffect(() => headingRef.current?.focus(), [deploymentId]);

  return (
    <aside
      id="steps-panel"
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="steps-title"
      data-testid="steps-panel"
      data-deployment-id={deploymentId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="drawer-head">
        <h2 id="steps-title" tabIndex={-1} ref={headingRef}>
          Rollout of #{deploymentId}
        </h2>
        <button
          type="button"
          className="btn btn-small push-right"
          onClick={onClose}
          aria-label="Close rollout steps"
          data-testid="steps-close"
        >
          Close
        </button>
      </div>
      {deployment && (
        <p className="drawer-sub">
          <strong>{deployment.service.name}</strong>{' '}
          <span className="mono">{deployment.version}</span> to {deployment.environment.name}, by{' '}
          {deployment.deployed_by}
        </p>
      )}
      <StepsBody key={deploymentId} deploymentId={deploymentId} />
    </aside>
  );
}
