import { formatPercent } from '../../../lib/format';
import { useStats } from '../api/get-stats';
import { PerDayChart } from './PerDayChart';

function Card(props: { id: string; label: string; value: string; hint?: string; tone?: string }) {
  return (
    <div className={`stat-card ${props.tone ?? ''}`} data-testid={`stat-${props.id}`}>
      <div className="stat-label">{props.label}</div>
      <div className="stat-value">{props.value}</div>
      {props.hint && <div className="stat-hint">{props.hint}</div>}
    </div>
  );
}

export function StatsPanel() {
  const { data, isPending, isError, error, refetch } = useStats();

  if (isPending) {
    return (
      <section className="stats" aria-label="Statistics" aria-busy="true">
        <p className="muted">Loading statistics…</p>
      </section>
    );
  }
  if (isError) {
    return (
      <section className="stats" aria-label="Statistics">
        <div className="state-box state-error" role="alert">
          Statistics unavailable: {error.message}{' '}
          <button type="button" className="btn btn-small" onClick={() => void refetch()}>
            Retry
          </button>
        </div>
      </section>
    );
  }

  const envs = Object.entries(data.by_environment);
  const envMax = Math.max(1, ...envs.map(([, n]) => n));
  const decided = data.by_status.completed + data.by_status.failed;
  return (
    <section className="stats" aria-label="Statistics">
      <Card
        id="total"
        label="Total"
        value={String(data.total)}
        hint={`${data.by_status.in_progress} in progress, ${data.by_status.pending} pending`}
      />
      <Card
        id="success-rate"
        label="Success rate"
        value={formatPercent(data.success_rate)}
        hint={
          decided ? `${data.by_status.completed} of ${decided} finished` : 'nothing finished yet'
        }
        tone="tone-ok"
      />
      <Card
        id="failed"
        label="Failed"
        value={String(data.by_status.failed)}
        hint={`${data.by_status.rolled_back} rolled back`}
        tone="tone-bad"
      />
      <Card
        id="last-24h"
        label="Last 24 h"
        value={String(data.last_24h)}
        hint="deployments started"
      />
      <div className="stat-card chart-card">
        <PerDayChart perDay={data.per_day} />
        <ul className="env-bars" aria-label="Deployments by environment">
          {envs.map(([name, n]) => (
            <li key={name}>
              <span className="env-name">{name}</span>
              <span className="env-bar" aria-hidden="true">
                <span style={{ width: `${(n / envMax) * 100}%` }} />
              </span>
              <span className="env-count">{n}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
