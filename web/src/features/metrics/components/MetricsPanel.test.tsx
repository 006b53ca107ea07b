import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { prometheus } from '../../../testing/prometheus';
import { renderApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import { PANEL_QUERIES } from '../api/get-live-metrics';
import { MetricsPanel } from './MetricsPanel';

const value = (id: string) => screen.getByTestId(`live-${id}`);

describe('live metrics panel', () => {
  it('shows request rate, p99 and cache hit ratio from Prometheus', async () => {
    renderApp({ ui: <MetricsPanel intervalMs={60_000} /> });
    await waitFor(() => expect(value('request-rate')).toHaveTextContent('2.40 per second'));
    expect(value('p99')).toHaveTextContent('48 ms');
    expect(value('cache-hit-ratio')).toHaveTextContent('80.0% of cached reads');
    expect(new Set(prometheus.queries)).toEqual(new Set(Object.values(PANEL_QUERIES)));
  });

  it('follows the numbers as the answers change', async () => {
    renderApp({ ui: <MetricsPanel intervalMs={40} /> });
    await waitFor(() => expect(value('p99')).toHaveTextContent('48 ms'));
    prometheus.values.set(PANEL_QUERIES.p99Seconds, '1.25');
    prometheus.values.set(PANEL_QUERIES.requestRate, '37.2');
    await waitFor(() => expect(value('p99')).toHaveTextContent('1.25 s'));
    expect(value('request-rate')).toHaveTextContent('37 per second');
  });

  it('shows dashes while there is no traffic to measure (no series, or NaN)', async () => {
    prometheus.values.delete(PANEL_QUERIES.requestRate);
    prometheus.values.set(PANEL_QUERIES.p99Seconds, 'NaN');
    prometheus.values.set(PANEL_QUERIES.cacheHitRatio, 'NaN');
    renderApp({ ui: <MetricsPanel intervalMs={60_000} /> });
    await waitFor(() => expect(value('request-rate')).toHaveTextContent('— per second'));
    expect(value('p99')).toHaveTextContent('—');
    expect(value('cache-hit-ratio')).toHaveTextContent('—');
  });

  it('says how to start Prometheus when the profile is off, and comes alive once it runs', async () => {
    prometheus.running = false;
    renderApp({ ui: <MetricsPanel intervalMs={40} offIntervalMs={40} /> });
    expect(await screen.findByTestId('live-metrics-off')).toHaveTextContent(
      'make dev PROFILE=observability',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    prometheus.running = true;
    await waitFor(() => expect(value('cache-hit-ratio')).toHaveTextContent('80.0%'));
    expect(screen.queryByTestId('live-metrics-off')).not.toBeInTheDocument();
  });

  it('reports a query Prometheus refuses, with its message', async () => {
    // Prometheus's answer to a query it cannot parse: 400 with the bad_data error body.
    server.use(
      http.get('*/prometheus/api/v1/query', () =>
        HttpResponse.json(
          { status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected ")"' },
          { status: 400 },
        ),
      ),
    );
    renderApp({ ui: <MetricsPanel intervalMs={60_000} /> });
    expect(await screen.findByRole('alert')).toHaveTextContent('parse error: unexpected ")"');
    expect(screen.queryByTestId('live-metrics-off')).not.toBeInTheDocument();
  });

  it('is part of the dashboard', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Live metrics' })).toBeInTheDocument();
    await waitFor(() => expect(value('request-rate')).toHaveTextContent('2.40'));
  });
});
