import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { App } from '../app/App';
import { AppProvider } from '../app/provider';
import { PollIntervalsContext, type PollIntervals } from '../lib/polling';
import { createQueryClient } from '../lib/react-query';

// Rollout polling in tests: fast enough that a poll comes well within waitFor's 1 s, while what
// a poll finds is still up to the test (the simulated worker only moves when told).
export const TEST_POLL_INTERVALS: PollIntervals = { deploymentsMs: 40, stepsMs: 40 };

/** Renders `ui` (the whole App by default) with a fresh, non-retrying query client. */
export function renderApp(
  opts: { url?: string; ui?: ReactElement; healthIntervalMs?: number } = {},
) {
  if (opts.url) window.history.replaceState(null, '', opts.url);
  const client = createQueryClient({ retry: false });
  // No timer between keystrokes: each one would yield to the event loop and let the whole App
  // re-render in between, which on a loaded 2-core machine pushed typing tests past 5 s.
  const user = userEvent.setup({ delay: null });
  const ui = opts.ui ?? <App healthIntervalMs={opts.healthIntervalMs ?? 60_000} />;
  const result = render(
    <AppProvider client={client}>
      <PollIntervalsContext value={TEST_POLL_INTERVALS}>{ui}</PollIntervalsContext>
    </AppProvider>,
  );
  return { ...result, user, client };
}
