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

const STEPS = ['build', 'push', 'deploy', 'health_check', 'done'];
const panel = () => screen.getByTestId('steps-panel');
const stepStatuses = () =>
  STEPS.map((s) => within(panel()).getByTestId(`step-${s}`).getAttribute('data-status'));

async function openStepsOf(id: number) {
  const rendered = renderApp({ ui: <DeploymentsPanel /> });
  const row = await screen.findByTestId(`deployment-row-${id}`);
  await rendered.user.click(within(row).getByTestId('steps-button'));
  await screen.findByTestId('steps-panel');
  return rendered;
}

describe('rollout steps panel', () => {
  it('follows a rollout step by step to completed, then stops polling', async () => {
    const d = createAutomatedDeployment('v2.4.0');
    await openStepsOf(d.id);
    expect(within(panel()).getByRole('heading')).toHaveTextContent(`Rollout of #${d.id}`);
    expect(panel()).toHaveTextContent('frontend v2.4.0 to staging');
    await waitFor(() => expect(stepStatuses()).toEqual(Array(5).fill('waiting')));
    expect(screen.getByTestId('steps-worker')).toHaveTextContent('not picked up yet');
    expect(screen.getByTestId('steps-live')).toBeInTheDocument();

    db.advanceRollout(d.id);
    await waitFor(() =>
      expect(stepStatuses()).toEqual(['running', 'waiting', 'waiting', 'waiting', 'waiting']),
    );
    expect(screen.getByTestId('steps-worker')).toHaveTextContent('sim-worker-1');
    expect(screen.getByTestId('steps-attempts')).toHaveTextContent('1');

    db.advanceRollout(d.id, 2);
    await waitFor(() =>
      expect(stepStatuses()).toEqual(['succeeded', 'succeeded', 'running', 'waiting', 'waiting']),
    );
    const build = within(panel()).getByTestId('step-build');
    expect(build).toHaveTextContent('Build image');
    expect(build).toHaveTextContent('Built image frontend:v2.4.0');
    expect(within(build).getByTestId('step-duration')).toHaveTextContent(/^\d+\.\ds$/);

    db.finishRollout(d.id);
    await waitFor(() => expect(stepStatuses()).toEqual(Array(5).fill('succeeded')));
    expect(within(panel()).getByTestId('status-badge')).toHaveAttribute('data-status', 'completed');
    expect(screen.queryByTestId('steps-live')).not.toBeInTheDocument();
    expect(screen.queryByTestId('steps-failure')).not.toBeInTheDocument();
    // The table follows too (its own poll, or the panel telling it).
    await waitFor(() =>
      expect(screen.getByTestId(`deployment-row-${d.id}`)).toHaveAttribute(
        'data-status',
        'completed',
      ),
    );

    const stepLoads = db.requestsTo('GET', `/api/deployments/${d.id}/steps`).length;
    await severalPollIntervals();
    expect(db.requestsTo('GET', `/api/deployments/${d.id}/steps`)).toHaveLength(stepLoads);
  });

  it('puts the failure up front and skips the steps after it', async () => {
    const d = createAutomatedDeployment();
    db.planRolloutFailure(d.id, 'health_check', '2 of 3 instances failed readiness');
    await openStepsOf(d.id);

    db.finishRollout(d.id);
    await waitFor(() =>
      expect(stepStatuses()).toEqual(['succeeded', 'succeeded', 'succeeded', 'failed', 'skipped']),
    );
    expect(screen.getByTestId('steps-failure')).toHaveTextContent(
      'Failed at Health check. 2 of 3 instances failed readiness',
    );
    expect(within(panel()).getByTestId('status-badge')).toHaveAttribute('data-status', 'failed');
    expect(screen.queryByTestId('steps-live')).not.toBeInTheDocument();
  });

  it('shows attempts and the other worker after a takeover', async () => {
    const d = createAutomatedDeployment();
    db.advanceRollout(d.id, 2); // build done on sim-worker-1, push running
    db.takeOverRollout(d.id, 'sim-worker-2');
    db.advanceRollout(d.id, 2);
    await openStepsOf(d.id);

    await waitFor(() => expect(screen.getByTestId('steps-attempts')).toHaveTextContent('2'));
    expect(screen.getByTestId('steps-attempts')).toHaveTextContent('taken over');
    expect(screen.getByTestId('steps-worker')).toHaveTextContent('sim-worker-2');
    expect(within(panel()).getByTestId('step-build')).toHaveTextContent('ran on sim-worker-1');
    expect(within(panel()).getByTestId('step-deploy')).not.toHaveTextContent('ran on');
  });

  it('says a seeded deployment was recorded by hand and has no steps', async () => {
    const manual = seededRowWith('pending');
    const { user } = renderApp({ ui: <DeploymentsPanel /> });
    const row = await screen.findByTestId(`deployment-row-${manual.id}`);
    // A click anywhere on the row opens it too.
    await user.click(within(row).getByText(manual.version));

    expect(await screen.findByTestId('steps-manual')).toHaveTextContent('Recorded by hand');
    expect(within(panel()).queryByRole('list', { name: 'Rollout steps' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('steps-live')).not.toBeInTheDocument();
    expect(within(row).getByTestId('action-start')).toBeInTheDocument();
    // Nothing to show, so no Steps button for the keyboard to stop at.
    expect(within(row).queryByTestId('steps-button')).not.toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('steps-panel')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Deployments' })).toHaveFocus();
  });

  it('reports a deployment that no longer exists', async () => {
    const gone = createAutomatedDeployment();
    db.finishRollout(gone.id);
    const { user } = renderApp({ ui: <DeploymentsPanel /> });
    const row = await screen.findByTestId(`deployment-row-${gone.id}`);
    db.deployments = db.deployments.filter((d) => d.id !== gone.id); // make reset-db meanwhile

    await user.click(within(row).getByTestId('steps-button'));
    const error = await screen.findByTestId('steps-error');
    expect(error).toHaveTextContent(`Deployment #${gone.id} does not exist (404)`);
    expect(error).toHaveAttribute('role', 'alert');
  });

  it('opens and closes from the keyboard, and gives focus back', async () => {
    const d = createAutomatedDeployment();
    const { user } = renderApp({ ui: <DeploymentsPanel /> });
    const row = await screen.findByTestId(`deployment-row-${d.id}`);
    const button = within(row).getByTestId('steps-button');
    // While queued the button also says that the worker has it.
    expect(button).toHaveAccessibleName(`Queued: show rollout steps of deployment ${d.id}`);

    button.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(panel()).getByRole('heading')).toHaveFocus());
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('dialog', { name: `Rollout of #${d.id}` })).toBe(panel());

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('steps-panel')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });
});
