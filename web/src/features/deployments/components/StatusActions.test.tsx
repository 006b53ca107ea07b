import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DeploymentStatus } from '../../../lib/api-client';
import { db } from '../../../testing/db';
import { renderApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import { DeploymentsPanel } from './DeploymentsPanel';

const ACTION_IDS = ['action-start', 'action-complete', 'action-fail', 'action-rollback'];

function firstRowWith(status: DeploymentStatus) {
  const d = db
    .sorted()
    .slice(0, 20)
    .find((x) => x.status === status);
  if (!d) throw new Error(`seed has no ${status} row on page 1`);
  return { d, row: screen.getByTestId(`deployment-row-${d.id}`) };
}

function actionsIn(row: HTMLElement): string[] {
  return ACTION_IDS.filter((id) => within(row).queryByTestId(id));
}

describe('row status actions', () => {
  it('offers only the legal transitions for each status', async () => {
    renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId('deployments-table');
    expect(actionsIn(firstRowWith('pending').row)).toEqual(['action-start']);
    expect(actionsIn(firstRowWith('in_progress').row)).toEqual(['action-complete', 'action-fail']);
    expect(actionsIn(firstRowWith('completed').row)).toEqual(['action-rollback']);
    expect(actionsIn(firstRowWith('failed').row)).toEqual([]);
    expect(actionsIn(firstRowWith('rolled_back').row)).toEqual([]);
    const { d } = firstRowWith('pending');
    expect(screen.getByRole('button', { name: `Start deployment ${d.id}` })).toBeInTheDocument();
  });

  it("offers exactly the API's allowed_transitions, whatever the status", async () => {
    const d = db.sorted().find((x) => x.status === 'in_progress')!;
    // Only the API knows, e.g. that another rule holds a move back: the buttons follow it.
    const row = { ...d, allowed_transitions: ['failed'] };
    server.use(
      http.get('*/api/deployments', () =>
        HttpResponse.json(
          { data: [row], count: 1, cached: false },
          { headers: { 'X-Cache': 'MISS' } },
        ),
      ),
    );
    renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId(`deployment-row-${d.id}`);
    expect(actionsIn(screen.getByTestId(`deployment-row-${d.id}`))).toEqual(['action-fail']);
  });

  it('starts a pending deployment and shows its new status', async () => {
    const { user } = renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId('deployments-table');
    const { d, row } = firstRowWith('pending');
    await user.click(within(row).getByTestId('action-start'));
    await waitFor(() =>
      expect(screen.getByTestId(`deployment-row-${d.id}`)).toHaveAttribute(
        'data-status',
        'in_progress',
      ),
    );
    expect(db.requestsTo('PATCH', `/api/deployments/${d.id}`)[0]!.body).toEqual({
      status: 'in_progress',
    });
    expect(actionsIn(screen.getByTestId(`deployment-row-${d.id}`))).toEqual([
      'action-complete',
      'action-fail',
    ]);
  });

  it('asks for a message before failing a deployment', async () => {
    const { user } = renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId('deployments-table');
    const { d, row } = firstRowWith('in_progress');
    await user.click(within(row).getByTestId('action-fail'));
    await user.keyboard('{Escape}');
    expect(within(row).getByTestId('action-fail')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(db.requestsTo('PATCH', `/api/deployments/${d.id}`)).toHaveLength(0);
    const input = within(row).getByLabelText(`Failure message for deployment ${d.id}`);
    expect(input).toHaveFocus();
    await user.click(within(row).getByTestId('fail-confirm'));
    expect(db.requestsTo('PATCH', `/api/deployments/${d.id}`)).toHaveLength(0);
    await user.type(input, 'smoke test failed{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId(`deployment-row-${d.id}`)).toHaveAttribute('data-status', 'failed'),
    );
    expect(db.requestsTo('PATCH', `/api/deployments/${d.id}`)[0]!.body).toEqual({
      status: 'failed',
      error_message: 'smoke test failed',
    });
    expect(screen.getByTestId(`deployment-row-${d.id}`)).toHaveTextContent('smoke test failed');
  });

  it('explains a 409 when the deployment moved meanwhile, and refreshes the row', async () => {
    const { user } = renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId('deployments-table');
    const { d, row } = firstRowWith('completed');
    // Someone else rolls it back first.
    db.deployments.find((x) => x.id === d.id)!.status = 'rolled_back';
    await user.click(within(row).getByTestId('action-rollback'));
    const alert = await within(row).findByTestId('action-error');
    expect(alert).toHaveTextContent('409');
    expect(alert).toHaveTextContent(
      `Deployment ${d.id} is rolled_back and cannot become rolled_back`,
    );
    expect(alert).toHaveTextContent('list was refreshed');
    await waitFor(() =>
      expect(screen.getByTestId(`deployment-row-${d.id}`)).toHaveAttribute(
        'data-status',
        'rolled_back',
      ),
    );
  });
});
