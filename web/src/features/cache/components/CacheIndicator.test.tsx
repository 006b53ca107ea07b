import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../testing/db';
import { renderApp } from '../../../testing/render';

const status = () => screen.getByTestId('cache-status');
const seq = () => Number(screen.getByTestId('cache-explain').getAttribute('data-seq'));

describe('cache indicator', () => {
  it('shows MISS on the first list load and HIT on the next', async () => {
    const { user } = renderApp();
    await screen.findByTestId('deployments-table');
    await waitFor(() => expect(status()).toHaveTextContent('MISS'));
    expect(screen.getByTestId('cache-explain')).toHaveTextContent('read from PostgreSQL');
    const before = seq();
    await user.click(screen.getByTestId('refresh-deployments'));
    await waitFor(() => expect(seq()).toBeGreaterThan(before));
    expect(status()).toHaveTextContent('HIT');
    expect(screen.getByTestId('cache-explain')).toHaveTextContent('served from Redis');
  });

  it('clears the cache through DELETE /api/cache and the reload is a MISS again', async () => {
    const { user } = renderApp();
    await screen.findByTestId('deployments-table');
    await user.click(screen.getByTestId('refresh-deployments'));
    await waitFor(() => expect(status()).toHaveTextContent('HIT'));

    const before = seq();
    await user.click(screen.getByRole('button', { name: 'Clear cache' }));
    // services, environments, the list page and stats were cached.
    expect(await screen.findByText(/Cleared 4 keys/)).toBeInTheDocument();
    expect(db.requestsTo('DELETE', '/api/cache')).toHaveLength(1);
    await waitFor(() => expect(seq()).toBeGreaterThan(before));
    expect(status()).toHaveTextContent('MISS');
    await waitFor(() => expect(screen.getByTestId('cache-status-stats')).toHaveTextContent('MISS'));

    await user.click(screen.getByTestId('refresh-deployments'));
    await waitFor(() => expect(status()).toHaveTextContent('HIT'));
  });

  it('shows BYPASS while Redis is down', async () => {
    db.redisDown = true;
    renderApp();
    await screen.findByTestId('deployments-table');
    await waitFor(() => expect(status()).toHaveTextContent('BYPASS'));
    expect(screen.getByTestId('cache-explain')).toHaveTextContent('Redis is down');
  });
});
