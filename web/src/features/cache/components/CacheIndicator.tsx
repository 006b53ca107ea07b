import { useCacheObservation } from '../../../lib/cache-status';
import type { CacheStatus } from '../../../lib/api-client';
import { useClearCache } from '../api/clear-cache';

const EXPLAIN: Record<CacheStatus, string> = {
  HIT: 'served from Redis',
  MISS: 'read from PostgreSQL, now cached',
  BYPASS: 'Redis is down: served from PostgreSQL uncached',
};

function Pill({ status, testId }: { status: CacheStatus | null | undefined; testId?: string }) {
  const text = status ?? '—';
  return (
    <span className={`cache-pill cache-${(status ?? 'none').toLowerCase()}`} data-testid={testId}>
      {text}
    </span>
  );
}

/** X-Cache of the last deployments list load (and the other cacheable reads), plus Clear cache. */
export function CacheIndicator() {
  const list = useCacheObservation('deployments');
  const stats = useCacheObservation('stats');
  const services = useCacheObservation('services');
  const environments = useCacheObservation('environments');
  const clear = useClearCache();

  return (
    <section className="panel" aria-labelledby="cache-title">
      <div className="panel-head">
        <h2 id="cache-title">Cache</h2>
      </div>
      <div className="cache-main" aria-live="polite">
        <span className="muted">Last list load</span>
        <Pill status={list?.status} testId="cache-status" />
        <span className="cache-explain" data-testid="cache-explain" data-seq={list?.seq ?? 0}>
          {list?.status ? EXPLAIN[list.status] : list ? 'no X-Cache header' : 'not loaded yet'}
        </span>
      </div>
      <dl className="cache-others">
        <div>
          <dt>stats</dt>
          <dd>
            <Pill status={stats?.status} testId="cache-status-stats" />
          </dd>
        </div>
        <div>
          <dt>services</dt>
          <dd>
            <Pill status={services?.status} />
          </dd>
        </div>
        <div>
          <dt>environments</dt>
          <dd>
            <Pill status={environments?.status} />
          </dd>
        </div>
      </dl>
      <div className="cache-actions">
        <button
          type="button"
          className="btn"
          onClick={() => clear.mutate()}
          disabled={clear.isPending}
          data-testid="clear-cache"
        >
          {clear.isPending ? 'Clearing…' : 'Clear cache'}
        </button>
        <span role="status" className="muted" data-testid="clear-cache-result">
          {clear.isSuccess &&
            `Cleared ${clear.data} key${clear.data === 1 ? '' : 's'}; lists reloaded.`}
        </span>
      </div>
      {clear.isError && (
        <p className="field-error" role="alert">
          Could not clear the cache: {clear.error.message}
        </p>
      )}
      <p className="hint">
        Reload the list (Refresh) after clearing: the first load is a MISS, the next a HIT.
      </p>
    </section>
  );
}
