/**
 * MSW handlers that mirror Prometheus's query API (GET /api/v1/query) as the dashboard reaches it
 * through the web origin (/prometheus/): the success envelope with an instant vector, the
 * `bad_data` error for a missing query, and, while `prometheus.running` is false, the 503 that
 * nginx and the Vite proxy answer when the observability profile is off.
 */
import { http, HttpResponse } from 'msw';
import { PANEL_QUERIES } from '../features/metrics/api/get-live-metrics';
import type { QueryResponse } from '../features/metrics/api/prometheus-client';

/** What each panel query evaluates to now: a number as Prometheus writes it ("NaN" too). */
const SEED: Record<string, string> = {
  [PANEL_QUERIES.requestRate]: '2.4',
  [PANEL_QUERIES.p99Seconds]: '0.0475',
  [PANEL_QUERIES.cacheHitRatio]: '0.8',
};

export const prometheus = {
  running: true,
  /** By exact query; a query not here has no data (an empty vector), as over an idle stack. */
  values: new Map<string, string>(),
  queries: [] as string[],
  reset(): void {
    this.running = true;
    this.values = new Map(Object.entries(SEED));
    this.queries = [];
  },
};
prometheus.reset();

const json = (body: QueryResponse, status = 200) => HttpResponse.json(body, { status });

export const prometheusHandlers = [
  http.get('*/prometheus/api/v1/query', ({ request }) => {
    if (!prometheus.running) {
      return json(
        {
          status: 'error',
          errorType: 'unavailable',
          error:
            'Prometheus is not running or not ready (make dev PROFILE=observability starts it)',
        },
        503,
      );
    }
    const query = new URL(request.url).searchParams.get('query');
    if (!query) {
      return json(
        {
          status: 'error',
          errorType: 'bad_data',
          error: 'invalid parameter "query": 1:1: parse error: no expression found in input',
        },
        400,
      );
    }
    prometheus.queries.push(query);
    const value = prometheus.values.get(query);
    const now = Date.now() / 1000;
    return json({
      status: 'success',
      data: {
        resultType: 'vector',
        result: value === undefined ? [] : [{ metric: {}, value: [now, value] }],
      },
    });
  }),
];
