import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { App } from '../app/App';
import { AppProvider } from '../app/provider';
import { createQueryClient } from '../lib/react-query';

/** Renders `ui` (the whole App by default) with a fresh, non-retrying query client. */
export function renderApp(
  opts: { url?: string; ui?: ReactElement; healthIntervalMs?: number } = {},
) {
  if (opts.url) window.history.replaceState(null, '', opts.url);
  const client = createQueryClient({ retry: false });
  const user = userEvent.setup();
  const ui = opts.ui ?? <App healthIntervalMs={opts.healthIntervalMs ?? 60_000} />;
  const result = render(<AppProvider client={client}>{ui}</AppProvider>);
  return { ...result, user, client };
}
