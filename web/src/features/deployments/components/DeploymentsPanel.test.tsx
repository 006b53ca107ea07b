import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../../../testing/db';
import { errorBody } from '../../../testing/handlers';
import { renderApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import { DeploymentsPanel } from './DeploymentsPanel';

const lastListRequest = () => {
  const reqs = db.requestsTo('GET', '/api/deployments');
  return reqs[reqs.length - 1]!.url.searchParams;
};

describe('deployments table', () => {
  it('renders the newest page of rows from the API', async () => {
    renderApp({ ui: <DeploymentsPanel /> });
    const table = await screen.findByTestId('deployments-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    const newest = db.sorted()[0]!;
    expect(rows[0]).toHaveAttribute('data-testid', `deployment-row-${newest.id}`);
    expect(within(rows[0]!).getByText(newest.version)).toBeInTheDocument();
    expect(within(rows[0]!).getByTestId('status-badge')).toHaveTextContent(
      newest.status.replace('_', ' '),
    );
    expect(screen.getByTestId('page-summary')).toHaveTextContent('1–20 of 32');
    expect(lastListRequest().get('limit')).toBe('20');
    expect(lastListRequest().get('offset')).toBe('0');
  });

  it('sends the chosen filters to the API and keeps them in the URL', async () => {
    const { user } = renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId('deployments-table');
    await screen.findByRole('option', { name: 'frontend' });

    await user.selectOptions(screen.getByLabelText('Service'), 'frontend');
    await user.selectOptions(screen.getByLabelText('Status'), 'completed');

    await waitFor(() => expect(lastListRequest().get('status')).toBe('completed'));
    expect(lastListRequest().get('service')).toBe('frontend');
    expect(lastListRequest().has('environment')).toBe(false);
    expect(new URLSearchParams(window.location.search).get('service')).toBe('frontend');
    expect(new URLSearchParams(window.location.search).get('status')).toBe('completed');

    const expected = db
      .sorted()
      .filter((d) => d.service.name === 'frontend' && d.status === 'completed');
    expect(expected.length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getAllByRole('row').slice(1)).toHaveLength(expected.length));
    for (const row of screen.getAllByRole('row').slice(1)) {
      expect(row).toHaveAttribute('data-status', 'completed');
      expect(within(row).getByText('frontend')).toBeInTheDocument();
    }
  });

  it('reads filters and page from the URL it was opened with', async () => {
    renderApp({ url: '/?environment=production&page=2', ui: <DeploymentsPanel /> });
    await screen.findByTestId('deployments-empty');
    const q = lastListRequest();
    expect(q.get('environment')).toBe('production');
    expect(q.get('offset')).toBe('20');
    expect(screen.getByLabelText('Environment')).toHaveValue('production');
  });

  it('pages through the list with offset', async () => {
    const { user } = renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId('deployments-table');
    await user.click(screen.getByTestId('page-next'));
    await waitFor(() =>
      expect(screen.getByTestId('page-summary')).toHaveTextContent('21–32 of 32'),
    );
    expect(lastListRequest().get('offset')).toBe('20');
    expect(window.location.search).toContain('page=2');
    expect(screen.getByTestId('page-next')).toBeDisabled();
  });

  it('explains an empty result and clears the filters on request', async () => {
    db.deployments = db.deployments.filter((d) => d.status !== 'pending');
    const { user } = renderApp({ url: '/?status=pending', ui: <DeploymentsPanel /> });
    const empty = await screen.findByTestId('deployments-empty');
    expect(empty).toHaveTextContent('No deployments match these filters');
    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await screen.findByTestId('deployments-table');
    expect(window.location.search).toBe('');
  });

  it('says what to do when the list cannot be loaded', async () => {
    server.use(http.get('*/api/deployments', () => errorBody(500, 'boom')));
    renderApp({ ui: <DeploymentsPanel /> });
    const alert = await screen.findByTestId('deployments-error');
    expect(alert).toHaveTextContent('boom');
    expect(alert).toHaveTextContent('make status');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
