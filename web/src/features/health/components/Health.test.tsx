import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../../../testing/db';
import { renderApp } from '../../../testing/render';
import { server } from '../../../testing/server';

const INTERVAL = 80;
const badge = (id: string) => screen.getByTestId(`health-${id}`);

describe('service health', () => {
  it('shows API, PostgreSQL and Redis up with latency, and no banner', async () => {
    renderApp({ healthIntervalMs: INTERVAL });
    await waitFor(() => expect(badge('api')).toHaveAttribute('data-status', 'up'));
    expect(badge('postgres')).toHaveAttribute('data-status', 'up');
    expect(badge('postgres')).toHaveTextContent('2 ms');
    expect(badge('redis')).toHaveAttribute('data-status', 'up');
    expect(badge('redis')).toHaveTextContent('1 ms');
    expect(badge('api')).toHaveTextContent(/\d+ ms/);
    expect(screen.queryByTestId('health-banner')).not.toBeInTheDocument();
  });

  it('raises a banner while the API is unreachable and drops it on recovery', async () => {
    renderApp({ healthIntervalMs: INTERVAL });
    await waitFor(() => expect(badge('api')).toHaveAttribute('data-status', 'up'));

    server.use(http.get('*/api/health', () => HttpResponse.error()));
    const banner = await screen.findByTestId('health-banner');
    expect(banner).toHaveTextContent('API unreachable');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(badge('api')).toHaveAttribute('data-status', 'down');
    expect(badge('postgres')).toHaveAttribute('data-status', 'unknown');

    server.resetHandlers();
    await waitFor(() => expect(screen.queryByTestId('health-banner')).not.toBeInTheDocument());
    expect(badge('api')).toHaveAttribute('data-status', 'up');
  });

  it('treats a proxy 502 page as the API being unreachable', async () => {
    server.use(
      http.get(
        '*/api/health',
        () =>
          new HttpResponse('<html>502 Bad Gateway</html>', {
            status: 502,
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    );
    renderApp({ healthIntervalMs: INTERVAL });
    expect(await screen.findByTestId('health-banner')).toHaveTextContent('API unreachable');
  });

  it('warns while Redis is down (degraded) and clears itself when it is back', async () => {
    db.redisDown = true;
    renderApp({ healthIntervalMs: INTERVAL });
    const banner = await screen.findByTestId('health-banner');
    expect(banner).toHaveTextContent('API degraded: Redis down');
    expect(banner).toHaveTextContent('BYPASS');
    expect(badge('redis')).toHaveAttribute('data-status', 'down');
    expect(badge('api')).toHaveAttribute('data-status', 'up');

    db.redisDown = false;
    await waitFor(() => expect(screen.queryByTestId('health-banner')).not.toBeInTheDocument());
    expect(badge('redis')).toHaveAttribute('data-status', 'up');
  });

  it('reads the 503 body when PostgreSQL is down', async () => {
    db.postgresDown = true;
    renderApp({ healthIntervalMs: INTERVAL });
    expect(await screen.findByTestId('health-banner')).toHaveTextContent('PostgreSQL is down');
    expect(badge('postgres')).toHaveAttribute('data-status', 'down');
    expect(badge('api')).toHaveAttribute('data-status', 'up');
  });
});
