import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  ApiError,
  isRollingOut,
  type Deployment,
  type DeploymentStatus,
} from '../../../lib/api-client';
import { useUpdateDeployment } from '../api/update-deployment';

// Every status has a button, though the API never offers a move back to pending.
const LABELS: Record<DeploymentStatus, string> = {
  pending: 'Back to pending',
  in_progress: 'Start',
  completed: 'Complete',
  failed: 'Fail',
  rolled_back: 'Roll back',
};
const TEST_IDS: Record<DeploymentStatus, string> = {
  pending: 'action-pending',
  in_progress: 'action-start',
  completed: 'action-complete',
  failed: 'action-fail',
  rolled_back: 'action-rollback',
};

function explain(err: Error, d: Deployment): string {
  if (err instanceof ApiError && err.status === 409) {
    return `Not allowed (409): ${err.message}. Someone may have changed deployment #${d.id} meanwhile; the list was refreshed.`;
  }
  if (err instanceof ApiError && err.status === 404) {
    return `Deployment #${d.id} no longer exists (404). The list was refreshed.`;
  }
  return `Could not update: ${err.message}`;
}

/**
 * One button per move the API offers right now (the deployment's `allowed_transitions`). Nothing
 * while a worker rolls the deployment out: the row's StepsButton says so instead.
 */
export function StatusActions({ deployment }: { deployment: Deployment }) {
  const d = deployment;
  const mutation = useUpdateDeployment();
  const [failing, setFailing] = useState(false);
  const [message, setMessage] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const failButtonRef = useRef<HTMLButtonElement>(null);
  const wasFailing = useRef(false);
  const targets = d.allowed_transitions;

  // Keyboard users land in the message box, and back on "Fail" after Cancel / Escape.
  useEffect(() => {
    if (failing) inputRef.current?.focus();
    else if (wasFailing.current) failButtonRef.current?.focus();
    wasFailing.current = failing;
  }, [failing]);

  const move = (status: DeploymentStatus, errorMessage?: string) => {
    mutation.mutate(
      { id: d.id, patch: errorMessage ? { status, error_message: errorMessage } : { status } },
      {
        onSuccess: () => {
          setFailing(false);
          setMessage('');
        },
      },
    );
  };

  if (isRollingOut(d)) return null;

  const submitFail = (e: FormEvent) => {
    e.preventDefault();
    if (message.trim()) move('failed', message.trim());
  };

  return (
    <div className="row-actions">
      {targets.length === 0 ? (
        <span className="muted" title="Final state: no further transitions">
          —
        </span>
      ) : failing ? (
        <form className="fail-form" onSubmit={submitFail} data-testid="fail-form">
          <label className="sr-only" htmlFor={`fail-msg-${d.id}`}>
            Failure message for deployment {d.id}
          </label>
          <input
            id={`fail-msg-${d.id}`}
            ref={inputRef}
            type="text"
            required
            maxLength={500}
            placeholder="What went wrong?"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setFailing(false)}
            data-testid="fail-message"
          />
          <button
            type="submit"
            className="btn btn-small btn-danger"
            disabled={mutation.isPending}
            data-testid="fail-confirm"
          >
            Mark failed
          </button>
          <button type="button" className="btn btn-small" onClick={() => setFailing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        targets.map((t) => (
          <button
            key={t}
            ref={t === 'failed' ? failButtonRef : undefined}
            type="button"
            className={`btn btn-small ${t === 'failed' ? 'btn-danger' : ''}`}
            data-testid={TEST_IDS[t]}
            aria-label={`${LABELS[t]} deployment ${d.id}`}
            disabled={mutation.isPending}
            onClick={() => (t === 'failed' ? setFailing(true) : move(t))}
          >
            {LABELS[t]}
          </button>
        ))
      )}
      {mutation.isError && (
        <p className="field-error" role="alert" data-testid="action-error">
          {explain(mutation.error, d)}
        </p>
      )}
    </div>
  );
}
