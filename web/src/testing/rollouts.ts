/** Shared by the rollout tests: deployments as POST /api/deployments would create them. */
import type { Deployment } from '../lib/api-client';
import { db, ENVIRONMENTS, SERVICES } from './db';
import { TEST_POLL_INTERVALS } from './render';

export function createAutomatedDeployment(version = 'v2.0.0'): Deployment {
  const service = SERVICES[0]!;
  const environment = ENVIRONMENTS[1]!;
  return db.createDeployment({
    service: { id: service.id, name: service.name },
    environment: { id: environment.id, name: environment.name },
    version,
    deployed_by: 'dev@example.com',
  });
}

/** A seeded (manual) row in `status` that is on the first page. */
export function seededRowWith(status: Deployment['status']): Deployment {
  const d = db
    .sorted()
    .slice(0, 19)
    .find((x) => !x.automated && x.status === status);
  if (!d) throw new Error(`seed has no ${status} row near the top`);
  return d;
}

/**
 * Lets several poll intervals pass. Only for checking that something did NOT happen (polling
 * has stopped): nothing is asserted about how long anything took.
 */
export function severalPollIntervals(): Promise<void> {
  const longest = Math.max(TEST_POLL_INTERVALS.deploymentsMs, TEST_POLL_INTERVALS.stepsMs);
  return new Promise((resolve) => setTimeout(resolve, longest * 6));
}
