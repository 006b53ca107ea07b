import type { ReactNode } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useHealth } from '../api/get-health';

/**
 * Shown while the API is unreachable, unhealthy or degraded; it goes away by itself on the
 * first good health answer (the query keeps polling while in error).
 */
export function HealthBanner({ intervalMs }: { intervalMs: number }) {
  const { data, error, isError } = useHealth(intervalMs);
  const every = `${Math.max(1, Math.round(intervalMs / 1000))}s`;

  let tone: 'error' | 'warn' | null = null;
  let title = '';
  let hint: ReactNode = null;
  if (isError) {
    tone = 'error';
    const unreachable = !(error instanceof ApiError) || error.unreachable;
    title = unreachable ? 'API unreachable' : `Health check failed: ${error.message}`;
    hint = (
      <>
        The dashboard cannot reach <code>/api</code> (retrying every {every}). Check{' '}
        <code>make status</code> and <code>make logs SVC=api</code>.
      </>
    );
  } else if (data?.body.status === 'unhealthy') {
    tone = 'error';
    title = 'API unhealthy: PostgreSQL is down';
    hint = (
      <>
        The API cannot read or write deployments. Check <code>make logs SVC=db</code>.
      </>
    );
  } else if (data?.body.status === 'degraded') {
    tone = 'warn';
    const down = Object.entries(data.body.checks)
      .filter(([, c]) => c.status === 'down')
      .map(([name]) => (name === 'redis' ? 'Redis' : name));
    title = `API degraded: ${down.join(', ') || 'a dependency'} down`;
    hint = (
      <>
        Data is still served from PostgreSQL without the cache (X-Cache: BYPASS). Check{' '}
        <code>make logs SVC=redis</code>.
      </>
    );
  }

  if (!tone) return null;
  return (
    <div className={`banner banner-${tone}`} role="alert" data-testid="health-banner">
      <strong>{title}</strong> <span>{hint}</span>
    </div>
  );
}
