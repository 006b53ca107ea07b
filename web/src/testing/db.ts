/**
 * In-memory stand-in for the API's data, used by the MSW handlers. Same shapes as the real
 * contract; `reset()` restores the seed between tests.
 */
import {
  isRollingOut,
  type Deployment,
  type DeploymentStatus,
  type Environment,
  type Rollout,
  type RolloutStepName,
  type Service,
} from '../lib/api-client';
import { newRollout, rolloutView, tick, type SimRollout } from './rollout-sim';

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

/**
 * The API's state machine (DeploymentStatus.nextStatuses in api/): a stand-in server has to
 * restate it; the dashboard itself only reads `allowed_transitions`.
 */
const NEXT_STATUSES: Record<DeploymentStatus, DeploymentStatus[]> = {
  pending: ['in_progress'],
  in_progress: ['completed', 'failed'],
  completed: ['rolled_back'],
  failed: [],
  rolled_back: [],
};

type StoredDeployment = Omit<Deployment, 'allowed_transitions'>;

/** A row whose `allowed_transitions` follows its status, as the API derives it on each answer. */
function withTransitions(row: StoredDeployment): Deployment {
  return Object.defineProperty(row, 'allowed_transitions', {
    enumerable: true,
    get: (): DeploymentStatus[] => (isRollingOut(row) ? [] : NEXT_STATUSES[row.status]),
  }) as Deployment;
}

function seed(now: number): Deployment[] {
  const rows: Deployment[] = [];
  for (let id = 1; id <= SEED_COUNT; id++) {
    const service = SERVICES[id % SERVICES.length]!;
    const environment = ENVIRONMENTS[id % ENVIRONMENTS.length]!;
    const status = STATUS_CYCLE[id % STATUS_CYCLE.length]!;
    const started = now - (SEED_COUNT + 1 - id) * 9 * HOUR;
    const finished = status === 'completed' || status === 'failed' || status === 'rolled_back';
    rows.push(
      withTransitions({
        id,
        service: { id: service.id, name: service.name },
        environment: { id: environment.id, name: environment.name },
        version: `v1.${Math.floor(id / 4)}.${id % 4}`,
        status,
        deployed_by: ['alice@example.com', 'bob@example.com', 'carol@example.com'][id % 3]!,
        started_at: iso(started),
        completed_at: finished ? iso(started + (3 + (id % 7)) * 60_000) : null,
        error_message: status === 'failed' ? 'health check timed out' : null,
        // Seeded rows were recorded by hand: no worker, no steps, manual transitions.
        automated: false,
      }),
    );
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
  /** The worker's bookkeeping for deployments created through POST (the real `rollouts` table). */
  rollouts: new Map<number, SimRollout>(),
  /** Redis as the handlers see it: cache key -> present. */
  cache: new Set<string>(),
  redisDown: false,
  postgresDown: false,
  requests: [] as RecordedRequest[],

  reset(): void {
    this.now = Date.now();
    this.deployments = seed(this.now);
    this.nextId = SEED_COUNT + 1;
    this.rollouts.clear();
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

  find(id: number): Deployment | undefined {
    return this.deployments.find((d) => d.id === id);
  },

  /** What POST /api/deployments stores: pending, automated, its rollout queued for the worker. */
  createDeployment(
    input: Omit<
      StoredDeployment,
      'id' | 'status' | 'automated' | 'started_at' | 'completed_at' | 'error_message'
    >,
  ): Deployment {
    const d = withTransitions({
      id: this.nextId++,
      ...input,
      status: 'pending',
      started_at: iso(Date.now()),
      completed_at: null,
      error_message: null,
      automated: true,
    });
    this.deployments.push(d);
    this.rollouts.set(d.id, newRollout());
    this.invalidateCache();
    return d;
  },

  /** Plans the rollout of `id` to fail at `step` with `message` (the worker's fail_step). */
  planRolloutFailure(id: number, step: RolloutStepName, message: string): void {
    const r = this.rolloutOf(id);
    r.failStep = step;
    r.failMessage = message;
  },

  /** `times` worker ticks on `id` (see rollout-sim.ts); the worker's writes invalidate the cache. */
  advanceRollout(id: number, times = 1): void {
    const d = this.find(id)!;
    const r = this.rolloutOf(id);
    for (let i = 0; i < times; i++) {
      if (!tick(d, r, iso(Date.now()))) break;
    }
    this.invalidateCache();
  },

  /** Ticks until the rollout of `id` is completed or failed. */
  finishRollout(id: number): void {
    this.advanceRollout(id, 10);
  },

  /** A second worker takes the lease over (the first one stopped): attempts goes up. */
  takeOverRollout(id: number, worker: string): void {
    const r = this.rolloutOf(id);
    r.worker = worker;
    r.attempts += 1;
  },

  rolloutView(id: number): Rollout | undefined {
    const d = this.find(id);
    return d && rolloutView(d, this.rollouts.get(id));
  },

  rolloutOf(id: number): SimRollout {
    const r = this.rollouts.get(id);
    if (!r) throw new Error(`deployment ${id} has no rollout (seeded rows are manual)`);
    return r;
  },

  invalidateCache(): void {
    if (!this.redisDown) this.cache.clear();
  },

  requestsTo(method: string, pathname: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.url.pathname === pathname);
  },
};
