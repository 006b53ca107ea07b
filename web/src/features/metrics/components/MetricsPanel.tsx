import { formatPercent } from '../../../lib/format';
import { useLiveMetrics } from '../api/get-live-metrics';
import { PrometheusError } from '../api/prometheus-client';

function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '—';
  return perSecond < 10 ? perSecond.toFixed(2) : perSecond.toFixed(0);
}

function formatLatency(seconds: number | null): string {
  if (seconds === null) return '—';
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`;
}

function Metric(props: { id: string; label: string; value: string; hint?: string }) {
  return (
    <div className="live-metric" data-testid={`live-${props.id}`}>
      <dt>{props.label}</dt>
      <dd>
        <span className="live-value">{props.value}</span>
        {props.hint && <span className="muted"> {props.hint}</span>}
      </dd>
    </div>
  );
}

/**
 * Live numbers from Prometheus (make dev PROFILE=observability): request rate, p99 latency and
 * cache hit ratio. Without the profile it says how to turn it on, and keeps asking now and then.
 */
export function MetricsPanel({
  intervalMs = 5_000,
  offIntervalMs = 30_000,
}: {
  intervalMs?: number;
  offIntervalMs?: number;
}) {
  const { data, error, isPending } = useLiveMetrics(intervalMs, offIntervalMs);
  const unavailable = error instanceof PrometheusError && error.unavailable;

  return (
    <section className="panel" aria-labelledby="live-metrics-title" data-testid="live-metrics">
      <div className="panel-head">
        <h2 id="live-metrics-title">Live metrics</h2>
        <span className="muted push-right">Prometheus, last minute</span>
      </div>
      {isPending && !error && <p className="muted">Asking Prometheus…</p>}
      {unavailable && (
        <p className="muted" role="status" data-testid="live-metrics-off">
          Prometheus is not running. Start it with <code>make dev PROFILE=observability</code>.
        </p>
      )}
      {error && !unavailable && (
        <p className="field-error" role="alert">
          Metrics unavailable: {error.message}
        </p>
      )}
      {data && !error && (
        <dl className="live-metrics" aria-live="polite">
          <Metric
            id="request-rate"
            label="Requests"
            value={formatRate(data.requestRate)}
            hint="per second"
          />
          <Metric id="p99" label="p99 latency" value={formatLatency(data.p99Seconds)} />
          <Metric
            id="cache-hit-ratio"
            label="Cache hits"
            value={formatPercent(data.cacheHitRatio)}
            hint="of cached reads"
          />
        </dl>
      )}
    </section>
  );
}
