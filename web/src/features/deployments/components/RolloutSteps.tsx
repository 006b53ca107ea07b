import {
  STEP_LABELS,
  type Rollout,
  type RolloutStep,
  type StepStatus,
} from '../../../lib/api-client';
import { formatClock, formatShortDuration } from '../../../lib/format';

// Shape and word as well as colour, so the state reads without colour vision.
const ICONS: Record<StepStatus, string> = {
  waiting: '○',
  running: '',
  succeeded: '✓',
  failed: '✕',
  skipped: '–',
};

function StepTimes({ step }: { step: RolloutStep }) {
  if (!step.started_at) return null;
  const started = (
    <time dateTime={step.started_at} title={step.started_at}>
      {formatClock(step.started_at)}
    </time>
  );
  if (!step.finished_at) {
    return <span className="step-time">started {started}</span>;
  }
  return (
    <span className="step-time">
      {started}–
      <time dateTime={step.finished_at} title={step.finished_at}>
        {formatClock(step.finished_at)}
      </time>{' '}
      <span className="step-duration" data-testid="step-duration">
        {formatShortDuration(step.started_at, step.finished_at)}
      </span>
    </span>
  );
}

function StepItem({ step, rolloutWorker }: { step: RolloutStep; rolloutWorker: string | null }) {
  // A step run by another worker than the current lease holder: a takeover happened.
  const otherWorker = step.worker && step.worker !== rolloutWorker ? step.worker : null;
  return (
    <li
      className={`step step-${step.status}`}
      data-testid={`step-${step.step}`}
      data-status={step.status}
    >
      <span className="step-icon" aria-hidden="true">
        {step.status === 'running' ? <span className="spinner" /> : ICONS[step.status]}
      </span>
      <div className="step-body">
        <div className="step-line">
          <span className="step-label">{STEP_LABELS[step.step] ?? step.step}</span>
          <span className="step-status">{step.status}</span>
          <StepTimes step={step} />
        </div>
        {step.message && (
          <p className="step-message" data-testid="step-message">
            {step.message}
          </p>
        )}
        {otherWorker && (
          <p className="step-worker muted">
            ran on <code>{otherWorker}</code>
          </p>
        )}
      </div>
    </li>
  );
}

/** Worker, attempts, the failure (if any) and the five steps of an automated rollout. */
export function RolloutSteps({ rollout }: { rollout: Rollout }) {
  const failed = rollout.steps.find((s) => s.status === 'failed');
  const steps = [...rollout.steps].sort((a, b) => a.position - b.position);
  return (
    <>
      <dl className="rollout-meta">
        <div>
          <dt>Worker</dt>
          <dd data-testid="steps-worker">
            {rollout.worker ? <code>{rollout.worker}</code> : 'not picked up yet'}
          </dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd data-testid="steps-attempts">
            {rollout.attempts}
            {rollout.attempts > 1 && (
              <span className="muted"> (taken over after a worker stopped)</span>
            )}
          </dd>
        </div>
      </dl>
      {failed && (
        <div className="rollout-failure" role="alert" data-testid="steps-failure">
          <strong>Failed at {STEP_LABELS[failed.step] ?? failed.step}.</strong>{' '}
          {failed.message ?? 'The worker gave no reason.'}
        </div>
      )}
      <ol className="steps" aria-label="Rollout steps">
        {steps.map((s) => (
          <StepItem key={s.step} step={s} rolloutWorker={rollout.worker} />
        ))}
      </ol>
    </>
  );
}
