import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../../../testing/db';
import { errorBody } from '../../../testing/handlers';
import { renderApp } from '../../../testing/render';
import { server } from '../../../testing/server';

describe('create deployment form', () => {
  it('cannot be sent before the service and environment lists are there', async () => {
    renderApp();
    const submit = screen.getByRole('button', { name: 'Create deployment' });
    expect(submit).toBeDisabled();
    await within(screen.getByTestId('create-form')).findByRole('option', { name: 'analytics' });
    await waitFor(() => expect(submit).toBeEnabled());
  });

  it('shows the 422 field errors from the API next to the fields', async () => {
    const { user } = renderApp();
    const form = screen.getByTestId('create-form');
    await within(form).findByRole('option', { name: 'analytics' });
    const version = screen.getByLabelText('Version');
    const email = screen.getByLabelText('Deployed by (e-mail)');
    await user.type(version, 'banana');
    await user.type(email, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Create deployment' }));

    expect(await screen.findByTestId('error-version')).toHaveTextContent(
      'must be a semantic version such as v1.2.3',
    );
    expect(screen.getByTestId('error-deployed_by')).toHaveTextContent('must be an e-mail address');
    expect(version).toHaveAttribute('aria-invalid', 'true');
    expect(version).toHaveAccessibleDescription(/semantic version such as v1\.2\.3/);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Service')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByTestId('create-error')).toHaveTextContent('rejected');

    // The form sent what was typed; the API did the validating.
    const posts = db.requestsTo('POST', '/api/deployments');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({
      service: 'frontend',
      environment: 'development',
      version: 'banana',
      deployed_by: 'not-an-email',
    });
  });

  it('puts an unknown-service 422 next to the service picker', async () => {
    server.use(
      http.post('*/api/deployments', () =>
        errorBody(422, 'validation failed', [
          { field: 'service', message: "unknown service 'ghost'" },
        ]),
      ),
    );
    const { user } = renderApp();
    await within(screen.getByTestId('create-form')).findByRole('option', { name: 'analytics' });
    await user.type(screen.getByLabelText('Version'), 'v1.0.0');
    await user.type(screen.getByLabelText('Deployed by (e-mail)'), 'a@b.co');
    await user.click(screen.getByRole('button', { name: 'Create deployment' }));
    expect(await screen.findByTestId('error-service')).toHaveTextContent("unknown service 'ghost'");
    expect(screen.queryByTestId('error-version')).not.toBeInTheDocument();
  });

  it('adds the new deployment to the table without a reload', async () => {
    const { user } = renderApp();
    await screen.findByTestId('deployments-table');
    const form = screen.getByTestId('create-form');
    await within(form).findByRole('option', { name: 'analytics' });
    await user.selectOptions(within(form).getByLabelText('Service'), 'worker');
    await user.selectOptions(within(form).getByLabelText('Environment'), 'staging');
    await user.type(within(form).getByLabelText('Version'), 'v9.8.7-rc.1');
    await user.type(within(form).getByLabelText('Deployed by (e-mail)'), 'dev@example.com');
    await user.click(within(form).getByRole('button', { name: 'Create deployment' }));

    expect(await screen.findByTestId('create-success')).toHaveTextContent(
      'Created #33: worker v9.8.7-rc.1 to staging; a worker rolls it out now.',
    );
    const row = await screen.findByTestId('deployment-row-33');
    expect(within(row).getByText('v9.8.7-rc.1')).toBeInTheDocument();
    expect(within(row).getByText('worker')).toBeInTheDocument();
    expect(within(row).getByText('staging')).toBeInTheDocument();
    expect(within(row).getByTestId('status-badge')).toHaveAttribute('data-status', 'pending');
    // Created through the API, so the worker owns it: no Start button, a marker instead.
    expect(row).toHaveAttribute('data-automated', 'true');
    expect(within(row).getByTestId('rolling-out')).toHaveTextContent('Queued');
    expect(within(row).queryByTestId('action-start')).not.toBeInTheDocument();
    // Newest first: the new row leads the table; the counts moved with it.
    expect(screen.getAllByRole('row')[1]).toBe(row);
    await waitFor(() => expect(screen.getByTestId('page-summary')).toHaveTextContent('of 33'));
    await waitFor(() => expect(screen.getByTestId('stat-total')).toHaveTextContent('33'));
    expect(within(form).getByLabelText('Version')).toHaveValue('');
  });
});
