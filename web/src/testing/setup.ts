import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { resetCacheStatus } from '../lib/cache-status';
import { db } from './db';
import { prometheus } from './prometheus';
import { server } from './server';

// Every request a test makes must be one the contract knows: anything else fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  db.reset();
  prometheus.reset();
  resetCacheStatus();
  // (a test of node code, such as the dev server's config, runs without a window)
  if (typeof window !== 'undefined') window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());
