import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../testing/db';
import { renderApp } from '../../../testing/render';
import {
  createAutomatedDeployment,
  seededRowWith,
  severalPollIntervals,
} from '../../../testing/rollouts';
import { DeploymentsPanel } from './DeploymentsPanel';

const MANUAL_ACTIONS = ['action-start', 'action-complete', 'action-fail', 'action-rollback'];
const row = (id: number) => screen.getByTestId(`deployment-row-${id}`);
const manualActionsIn = (el: HTMLElement) =>
  MANUAL_ACTIONS.filter((id) => within(el).queryByTestId(id));

function statusCounts() {
  const count = (s: string) => db.deployments.filter((d) => d.status === s).length;
  return `${count('in_progress')} in progress, ${count('pending')} pending`;
}

describe('deployments a worker rolls out', () => {
  it('show the worker at work instead of the manual buttons; manual rows keep theirs', async () => {
    const d = createAutomatedDeployment();
    renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId(`deployment-row-${d.id}`);

    expect(within(row(d.id)).getByTestId('rolling-out')).toHaveTextContent('Queued');
    expect(manualActionsIn(row(d.id))).toEqual([]);
    expect(screen.getByTestId('deployments-live')).toHaveTextContent('1 rolling out');

    db.advanceRollout(d.id);
    await waitFor(() => expect(row(d.id)).toHaveAttribute('data-status', 'in_progress'));
    expect(within(row(d.id)).getByTestId('rolling-out')).toHaveTextContent('Rolling out');
    expect(manualActionsIn(row(d.id))).toEqual([]);

    expect(manualActionsIn(row(seededRowWith('pending').id))).toEqual(['action-start']);
    expect(
      within(row(seededRowWith('pending').id)).queryByTestId('steps-button'),
    ).not.toBeInTheDocument();
    expect(manualActionsIn(row(seededRowWith('in_progress').id))).toEqual([
      'action-complete',
      'action-fail',
    ]);
  });

  it('reach their final state in the table without a click, then polling stops', async () => {
    const d = createAutomatedDeployment();
    renderApp();
    await screen.findByTestId(`deployment-row-${d.id}`);
    await waitFor(() => expect(screen.getByTestId('stat-total')).toHaveTextContent(statusCounts()));

    db.finishRollout(d.id);
    await waitFor(() => expect(row(d.id)).toHaveAttribute('data-status', 'completed'));
    expect(within(row(d.id)).queryByTestId('rolling-out')).not.toBeInTheDocument();
    // Roll back stays a human decision, automated or not.
    expect(manualActionsIn(row(d.id))).toEqual(['action-rollback']);
    expect(screen.queryByTestId('deployments-live')).not.toBeInTheDocument();
    // Nothing was written from the page, yet the statistics followed the worker.
    await waitFor(() => expect(screen.getByTestId('stat-total')).toHaveTextContent(statusCounts()));

    const listLoads = db.requestsTo('GET', '/api/deployments').length;
    await severalPollIntervals();
    expect(db.requestsTo('GET', '/api/deployments')).toHaveLength(listLoads);
  });

  it('show why a rollout failed in the row', async () => {
    const d = createAutomatedDeployment();
    db.planRolloutFailure(d.id, 'push', 'registry answered 503');
    renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId(`deployment-row-${d.id}`);

    db.finishRollout(d.id);
    await waitFor(() => expect(row(d.id)).toHaveAttribute('data-status', 'failed'));
    expect(row(d.id)).toHaveTextContent('Push image failed: registry answered 503');
    expect(manualActionsIn(row(d.id))).toEqual([]);
    expect(within(row(d.id)).queryByTestId('rolling-out')).not.toBeInTheDocument();
  });

  it('do not keep a page of manual rows polling', async () => {
    renderApp({ ui: <DeploymentsPanel /> });
    await screen.findByTestId('deployments-table');
    // The seed has pending and in_progress rows on page 1, but only a click moves them.
    expect(row(seededRowWith('pending').id)).toHaveAttribute('data-status', 'pending');
    expect(screen.queryByTestId('deployments-live')).not.toBeInTheDocument();
    const listLoads = db.requestsTo('GET', '/api/deployments').length;
    await severalPollIntervals();
    expect(db.requestsTo('GET', '/api/deployments')).toHaveLength(listLoads);
  });
});
