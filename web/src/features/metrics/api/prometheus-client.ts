/**
 * The one typed client for Prometheus's HTTP query API (GET /api/v1/query), reached through the
 * web origin at /prometheus/ (nginx in compose, the Vite proxy in development) when the
 * observability profile runs. Types follow Prometheus's documented response format.
 */

export const PROMETHEUS_BASE = '/prometheus';

/** One series of an instant vector: its labels and [unix seconds, value as a string]. */
export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

export type QueryData =
  | { resultType: 'vector'; result: VectorSample[] }
  | { resultType: 'scalar' | 'string'; result: [number, string] };

/** Every answer of the API, success or error, has this envelope. */
export type QueryResponse =
  | { status: 'success'; data: QueryData; warnings?: string[] }
  | { status: 'error'; errorType: string; error: string; data?: unknown };

/** A failed query. `unavailable`: Prometheus is not there (the profile is off), not a bad query. */
export class PrometheusError extends Error {
  readonly status: number;
  readonly unavailable: boolean;

  constructor(message: string, status: number, unavailable: boolean) {
    super(message);
    this.name = 'PrometheusError';
    this.status = status;
    this.unavailable = unavailable;
  }
}

function isQueryResponse(value: unknown): value is QueryResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as { status?: unknown }).status === 'success' ||
      (value as { status?: unknown }).status === 'error')
  );
}

/** The first sample's value; null when there is none or it is not a number (no traffic yet). */
function firstNumber(data: QueryData): number | null {
  const raw = data.resultType === 'vector' ? data.result[0]?.value[1] : data.result[1];
  if (raw === undefined) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

export const prometheusClient = {
  /** Evaluates `expr` now; the value of its first sample, or null when it has none. */
  queryNumber: async (expr: string, signal?: AbortSignal): Promise<number | null> => {
    const u = new URL(
      `${PROMETHEUS_BASE}/api/v1/query`,
      globalThis.location?.href ?? 'http://localhost/',
    );
    u.searchParams.set('query', expr);
    let res: Response;
    try {
      res = await fetch(u.toString(), {
        headers: { Accept: 'application/json' },
        signal: signal ?? null,
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new PrometheusError('Prometheus could not be reached (network error).', 0, true);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    if (!isQueryResponse(body)) {
      throw new PrometheusError(
        `Prometheus answered HTTP ${res.status} without its JSON.`,
        res.status,
        res.status >= 500,
      );
    }
    if (body.status === 'error') {
      throw new PrometheusError(body.error, res.status, body.errorType === 'unavailable');
    }
    return firstNumber(body.data);
  },
};
