import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../testing/render';

describe('dashboard footer', () => {
  it('links to the API reference and the document it is rendered from', async () => {
    renderApp();
    await screen.findByTestId('deployments-table');
    expect(screen.getByRole('link', { name: 'API reference' })).toHaveAttribute(
      'href',
      '/api-docs.html',
    );
    expect(screen.getByRole('link', { name: '/api/openapi.json' })).toHaveAttribute(
      'href',
      '/api/openapi.json',
    );
  });
});
