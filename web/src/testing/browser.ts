/**
 * The mocked API in the browser (make dev PROFILE=frontend): the same MSW handlers and in-memory
 * database as the tests (Prometheus's query API too, for the live metrics panel), behind a service worker, so the dashboard runs with no API and no JVM.
 * Here, unlike in tests, the simulated worker moves on its own: one rollout step per tick.
 */
import { setupWorker } from 'msw/browser';
import { db } from './db';
import { handlers } from './handlers';
import { prometheusHandlers } from './prometheus';

const TICK_MS = 1500;

export async function startMockApi(): Promise<void> {
  await setupWorker(...handlers, ...prometheusHandlers).start({
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  window.setInterval(() => {
    for (const d of db.sorted()) {
      if (d.status === 'pending' || d.status === 'in_progress') {
        const rollout = db.rolloutView(d.id);
        if (rollout) db.advanceRollout(d.id);
      }
    }
  }, TICK_MS);
  console.info('zero-to-running: the API is mocked in this browser (make dev PROFILE=frontend)');
}
