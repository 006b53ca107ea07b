import { useQuery } from '@tanstack/react-query';
import { PrometheusError, prometheusClient } from './prometheus-client';

/**
 * What the panel shows, in PromQL over the API's metrics (README "Observability"): requests per
 * second and the 99th percentile latency over the last minute, from the latency histogram; the
 * share of cached reads Redis answered.
 */
export const PANEL_QUERIES = {
  requestRate: 'sum(rate(http_server_request_duration_seconds_count[1m]))',
  p99Seconds:
    'histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket[1m])))',
  cacheHitRatio:
    'sum(rate(wander_cache_lookups_total{result="hit"}[1m])) / sum(rate(wander_cache_lookups_total[1m]))',
} as const;

export type LiveMetrics = { [K in keyof typeof PANEL_QUERIES]: number | null };

export const liveMetricsKey = ['live-metrics'] as const;

async function fetchLiveMetrics(signal: AbortSignal): Promise<LiveMetrics> {
  const names = Object.keys(PANEL_QUERIES) as (keyof typeof PANEL_QUERIES)[];
  const values = await Promise.all(
    names.map((name) => prometheusClient.queryNumber(PANEL_QUERIES[name], signal)),
  );
  return Object.fromEntries(names.map((name, i) => [name, values[i] ?? null])) as LiveMetrics;
}

/** Polls every `intervalMs`; while Prometheus is away, every `offIntervalMs` (it may start later). */
export function useLiveMetrics(intervalMs: number, offIntervalMs: number) {
  return useQuery({
    queryKey: liveMetricsKey,
    queryFn: ({ signal }) => fetchLiveMetrics(signal),
    refetchInterval: (query) =>
      query.state.error instanceof PrometheusError && query.state.error.unavailable
        ? offIntervalMs
        : intervalMs,
    refetchIntervalInBackground: false,
    retry: false,
    staleTime: 0,
  });
}
