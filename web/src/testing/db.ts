/**
 * In-memory stand-in for the API's data, used by the MSW handlers. Same shapes as the real
 * contract; `reset()` restores the seed between tests.
 */
import type { Deployment, DeploymentStatus, Environment, Service } from '../lib/api-client';

export const SERVICES: Service[] = [
  {
    id: 1,
    name: 'frontend',
    description: 'Web UI',
    repository_url: 'https://example.com/wander/frontend',
  },
  {
    id: 2,
    name: 'api',
    description: 'Public API',
    repository_url: 'https://example.com/wander/api',
  },
  {
    id: 3,
    name: 'worker',
    description: 'Background jobs',
    repository_url: 'https://example.com/wander/worker',
  },
  {
    id: 4,
    name: 'analytics',
    description: 'Reporting',
    repository_url: 'https://example.com/wander/analytics',
  },
];

export const ENVIRONMENTS: Environment[] = [
  { id: 1, name: 'development', description: 'Shared dev' },
  { id: 2, name: 'staging', description: 'Pre-production' },
  { id: 3, name: 'production', description: 'Live' },
];

const STATUS_CYCLE: DeploymentStatus[] = [
  'completed',
  'completed',
  'failed',
  'completed',
  'rolled_back',
  'completed',
  'in_progress',
  'pending',
];
export const SEED_COUNT = 32;
const HOUR = 3_600_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function seed(now: number): Deployment[] {
  const rows: Deployment[] = [];
  for (let id = 1; id <= SEED_COUNT; id++) {
    const service = SERVICES[id % SERVICES.length]!;
    const environment = ENVIRONMENTS[id % ENVIRONMENTS.length]!;
    const status = STATUS_CYCLE[id % STATUS_CYCLE.length]!;
    const started = now - (SEED_COUNT + 1 - id) * 9 * HOUR;
    const finished = status === 'completed' || status === 'failed' || status === 'rolled_back';
    rows.push({
      id,
      service: { id: service.id, name: service.name },
      environment: { id: environment.id, name: environment.name },
      version: `v1.${Math.floor(id / 4)}.${id % 4}`,
      status,
      deployed_by: ['alice@example.com', 'bob@example.com', 'carol@example.com'][id % 3]!,
      started_at: iso(started),
      completed_at: finished ? iso(started + (3 + (id % 7)) * 60_000) : null,
      error_message: status === 'failed' ? 'health check timed out' : null,
    });
  }
  return rows;
}

export interface RecordedRequest {
  method: string;
  url: URL;
  body?: unknown;
}

export const db = {
  now: Date.now(),
  deployments: seed(Date.now()),
  nextId: SEED_COUNT + 1,
  /** Redis as the handlers see it: cache key -> present. */
  cache: new Set<string>(),
  redisDown: false,
  postgresDown: false,
  requests: [] as RecordedRequest[],

  reset(): void {
    this.now = Date.now();
    this.deployments = seed(this.now);
    this.nextId = SEED_COUNT + 1;
    this.cache.clear();
    this.redisDown = false;
    this.postgresDown = false;
    this.requests = [];
  },

  iso,

  /** Newest first, like the API: started_at desc, id desc. */
  sorted(): Deployment[] {
    return [...this.deployments].sort(
      (a, b) => b.started_at.localeCompare(a.started_at) || b.id - a.id,
    );
  },

  requestsTo(method: string, pathname: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.url.pathname === pathname);
  },
};
