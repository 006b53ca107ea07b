/**
 * Table filters and page kept in the URL query string (?service=&environment=&status=&page=)
 * so a view can be shared or bookmarked. Back/forward restore it.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { DEPLOYMENT_STATUSES, type DeploymentStatus } from '../lib/api-client';

export interface Filters {
  service: string;
  environment: string;
  status: DeploymentStatus | '';
  page: number;
}

const EVENT = 'wander:urlchange';

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(EVENT, cb);
  };
}

export function parseFilters(search: string): Filters {
  const p = new URLSearchParams(search);
  const status = p.get('status') ?? '';
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  return {
    service: p.get('service') ?? '',
    environment: p.get('environment') ?? '',
    status: (DEPLOYMENT_STATUSES as readonly string[]).includes(status)
      ? (status as DeploymentStatus)
      : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function useUrlFilters(): [Filters, (next: Partial<Filters>) => void] {
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => '',
  );
  const filters = parseFilters(search);

  const update = useCallback((next: Partial<Filters>) => {
    const merged = { ...parseFilters(window.location.search), ...next };
    // Changing a filter goes back to page 1 unless a page was asked for explicitly.
    if (!('page' in next)) merged.page = 1;
    const p = new URLSearchParams(window.location.search);
    for (const key of ['service', 'environment', 'status'] as const) {
      if (merged[key]) p.set(key, merged[key]);
      else p.delete(key);
    }
    if (merged.page > 1) p.set('page', String(merged.page));
    else p.delete('page');
    const qs = p.toString();
    const target = `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
    window.history.pushState(null, '', target);
    window.dispatchEvent(new Event(EVENT));
  }, []);

  return [filters, update];
}
