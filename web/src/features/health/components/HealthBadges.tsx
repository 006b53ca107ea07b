import { useHealth } from '../api/get-health';

type BadgeState = 'up' | 'down' | 'unknown';

function Badge(props: { id: string; label: string; state: BadgeState; detail: string }) {
  const text = props.state === 'up' ? 'up' : props.state === 'down' ? 'down' : 'unknown';
  return (
    <li
      className={`health-badge health-${props.state}`}
      data-testid={`health-${props.id}`}
      data-status={props.state}
      aria-label={`${props.label}: ${text}${props.detail ? `, ${props.detail}` : ''}`}
    >
      <span className="dot" aria-hidden="true" />
      <span className="health-name">{props.label}</span>
      <span className="health-state">{text}</span>
      {props.detail && <span className="health-latency">{props.detail}</span>}
    </li>
  );
}

/** API, PostgreSQL and Redis status with latency, refreshed every `intervalMs`. */
export function HealthBadges({ intervalMs }: { intervalMs: number }) {
  const { data, isError, isPending } = useHealth(intervalMs);
  const known = !isError && !isPending && data;
  const api: BadgeState = isError ? 'down' : isPending ? 'unknown' : 'up';
  const pg: BadgeState = known ? data.body.checks.postgres.status : 'unknown';
  const redis: BadgeState = known ? data.body.checks.redis.status : 'unknown';
  return (
    <ul className="health-badges" aria-label="Service health" data-testid="health-badges">
      <Badge id="api" label="API" state={api} detail={known ? `${data.roundTripMs} ms` : ''} />
      <Badge
        id="postgres"
        label="PostgreSQL"
        state={pg}
        detail={pg === 'up' && known ? `${data.body.checks.postgres.latency_ms} ms` : ''}
      />
      <Badge
        id="redis"
        label="Redis"
        state={redis}
        detail={redis === 'up' && known ? `${data.body.checks.redis.latency_ms} ms` : ''}
      />
    </ul>
  );
}
