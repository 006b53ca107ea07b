/**
 * The one typed client for the Wander Deploy API. Types mirror the HTTP contract exactly
 * (snake_case, ISO-8601 UTC strings). Every call goes to the same origin under `/api`
 * (nginx in compose, the Vite proxy in development).
 */
import { recordCacheStatus } from './cache-status';

export const API_BASE = '/api';

// ---- contract types --------------------------------------------------------------------

export const DEPLOYMENT_STATUSES = [
  'pending',
  'in_progress',
  'completed',
  'failed',
  'rolled_back',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export interface Service {
  id: number;
  name: string;
  description: string;
  repository_url: string;
}

export interface Environment {
  id: number;
  name: string;
  description: string;
}

export interface NamedRef {
  id: number;
  name: string;
}

export interface Deployment {
  id: number;
  service: NamedRef;
  environment: NamedRef;
  version: string;
  status: DeploymentStatus;
  deployed_by: string;
  started_at: string;
  completed_at: string | null;
  error_message: string | null;
  /** true: created through the API and rolled out by the worker; false: seeded / recorded by hand. */
  automated: boolean;
}

/** The statuses nothing moves out of on its own (rolled_back is reached by hand only). */
export const FINAL_STATUSES: readonly DeploymentStatus[] = ['completed', 'failed', 'rolled_back'];

export function isFinal(status: DeploymentStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** A worker owns it: the API answers 409 to manual transitions until the rollout ends. */
export function isRollingOut(d: Pick<Deployment, 'automated' | 'status'>): boolean {
  return d.automated && !isFinal(d.status);
}

export const ROLLOUT_STEPS = ['build', 'push', 'deploy', 'health_check', 'done'] as const;
export type RolloutStepName = (typeof ROLLOUT_STEPS)[number];

export const STEP_LABELS: Record<RolloutStepName, string> = {
  build: 'Build image',
  push: 'Push image',
  deploy: 'Deploy',
  health_check: 'Health check',
  done: 'Done',
};

export const STEP_STATUSES = ['waiting', 'running', 'succeeded', 'failed', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface RolloutStep {
  step: RolloutStepName;
  /** 1..5, the order the worker runs them in. */
  position: number;
  status: StepStatus;
  /** The worker that ran this step (the API sends it; differs from the rollout's after a takeover). */
  worker?: string | null;
  started_at: string | null;
  finished_at: string | null;
  message: string | null;
}

/** GET /deployments/{id}/steps. Manual deployments: steps [], worker null, attempts 0. */
export interface Rollout {
  deployment_id: number;
  status: DeploymentStatus;
  automated: boolean;
  /** The worker that holds or held the lease; null before the first pickup. */
  worker: string | null;
  /** How often a worker took the lease (more than 1 after a crashed worker's job was taken over). */
  attempts: number;
  steps: RolloutStep[];
}

export interface DataEnvelope<T> {
  data: T;
}

export interface DeploymentList {
  data: Deployment[];
  count: number;
  cached: boolean;
}

export interface DeploymentQuery {
  service?: string | undefined;
  environment?: string | undefined;
  status?: DeploymentStatus | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface NewDeployment {
  service: string;
  environment: string;
  version: string;
  deployed_by: string;
}

export type TargetStatus = Exclude<DeploymentStatus, 'pending'>;

export interface DeploymentPatch {
  status: TargetStatus;
  error_message?: string;
}

export interface Stats {
  total: number;
  by_status: Record<DeploymentStatus, number>;
  success_rate: number | null;
  by_environment: Record<string, number>;
  last_24h: number;
  per_day: { date: string; count: number }[];
}

export type CheckStatus = 'up' | 'down';
export interface Health {
  status: 'healthy' | 'degraded' | 'unhealthy';
  checks: {
    postgres: { status: CheckStatus; latency_ms: number };
    redis: { status: CheckStatus; latency_ms: number };
  };
  version: string;
  uptime_s: number;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  error: string;
  status: number;
  timestamp: string;
  details: FieldError[];
}

export type CacheStatus = 'HIT' | 'MISS' | 'BYPASS';

/** A cacheable read: the body plus the X-Cache header the API sent with it. */
export interface Cached<T> {
  body: T;
  cache: CacheStatus | null;
}

/** Health plus the round trip measured by the browser (the API's own latency). */
export interface HealthResult {
  body: Health;
  httpStatus: number;
  roundTripMs: number;
}

// ---- errors ----------------------------------------------------------------------------

/** Any failed call. `status` is 0 when the API could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly details: FieldError[];

  constructor(message: string, status: number, details: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
  }

  /** Network failure, or a proxy answering for an API that is down (502/503/504 without our body). */
  get unreachable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 504;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'string'
  );
}

// ---- transport -------------------------------------------------------------------------

function url(path: string, query?: Query): string {
  // Absolute against the page origin: same request in the browser, and valid in Node tests.
  const u = new URL(API_BASE + path, globalThis.location?.href ?? 'http://localhost/');
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') u.searchParams.set(key, String(value));
  }
  return u.toString();
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Statuses whose JSON body is a normal answer (health answers 503 with a body). */
  okStatuses?: number[];
}

type Query = Record<string, string | number | undefined>;

async function request(
  path: string,
  query: Query | undefined,
  opts: RequestOptions = {},
): Promise<{ res: Response; json: unknown }> {
  const init: RequestInit = {
    method: opts.method ?? 'GET',
    headers: { Accept: 'application/json' },
  };
  if (opts.signal) init.signal = opts.signal;
  if (opts.body !== undefined) {
    init.body = JSON.stringify(opts.body);
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(url(path, query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('The API could not be reached (network error).', 0);
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (res.ok || opts.okStatuses?.includes(res.status)) {
    if (json === undefined)
      throw new ApiError(`Unexpected non-JSON answer (HTTP ${res.status}).`, res.status);
    return { res, json };
  }
  if (isErrorBody(json)) throw new ApiError(json.error, res.status, json.details ?? []);
  throw new ApiError(`The API answered HTTP ${res.status} without an error body.`, res.status);
}

function cacheHeader(res: Response): CacheStatus | null {
  const value = res.headers.get('X-Cache')?.trim().toUpperCase();
  return value === 'HIT' || value === 'MISS' || value === 'BYPASS' ? value : null;
}

async function cachedGet<T>(
  resource: string,
  path: string,
  query?: Query,
  signal?: AbortSignal,
): Promise<Cached<T>> {
  const { res, json } = await request(path, query, { signal });
  const cache = cacheHeader(res);
  recordCacheStatus(resource, cache);
  return { body: json as T, cache };
}

// ---- endpoints -------------------------------------------------------------------------

export const apiClient = {
  listServices: (signal?: AbortSignal) =>
    cachedGet<DataEnvelope<Service[]>>('services', '/services', undefined, signal),

  listEnvironments: (signal?: AbortSignal) =>
    cachedGet<DataEnvelope<Environment[]>>('environments', '/environments', undefined, signal),

  listDeployments: (q: DeploymentQuery = {}, signal?: AbortSignal) =>
    cachedGet<DeploymentList>('deployments', '/deployments', { ...q }, signal),

  getDeployment: async (id: number, signal?: AbortSignal): Promise<Deployment> => {
    const { json } = await request(`/deployments/${id}`, undefined, { signal });
    return (json as DataEnvelope<Deployment>).data;
  },

  createDeployment: async (input: NewDeployment): Promise<Deployment> => {
    const { json } = await request('/deployments', undefined, { method: 'POST', body: input });
    return (json as DataEnvelope<Deployment>).data;
  },

  updateDeployment: async (id: number, patch: DeploymentPatch): Promise<Deployment> => {
    const { json } = await request(`/deployments/${id}`, undefined, {
      method: 'PATCH',
      body: patch,
    });
    return (json as DataEnvelope<Deployment>).data;
  },

  /** Never cached by the API (no X-Cache): the worker writes steps behind the cache's back. */
  getDeploymentSteps: async (id: number, signal?: AbortSignal): Promise<Rollout> => {
    const { json } = await request(`/deployments/${id}/steps`, undefined, { signal });
    return (json as DataEnvelope<Rollout>).data;
  },

  getStats: (signal?: AbortSignal) =>
    cachedGet<DataEnvelope<Stats>>('stats', '/stats', undefined, signal),

  clearCache: async (): Promise<number> => {
    const { json } = await request('/cache', undefined, { method: 'DELETE' });
    return (json as DataEnvelope<{ cleared: number }>).data.cleared;
  },

  getHealth: async (signal?: AbortSignal): Promise<HealthResult> => {
    const started = performance.now();
    const { res, json } = await request('/health', undefined, { signal, okStatuses: [503] });
    const body = json as Health;
    if (typeof body?.status !== 'string' || typeof body.checks !== 'object') {
      throw new ApiError(`Unexpected health answer (HTTP ${res.status}).`, res.status);
    }
    return { body, httpStatus: res.status, roundTripMs: Math.round(performance.now() - started) };
  },
};

export type ApiClient = typeof apiClient;

/** The moves the API accepts from each status (PATCH answers 409 to anything else). */
export const LEGAL_TRANSITIONS: Record<DeploymentStatus, TargetStatus[]> = {
  pending: ['in_progress'],
  in_progress: ['completed', 'failed'],
  completed: ['rolled_back'],
  failed: [],
  rolled_back: [],
};

/** What a person may do to this deployment: nothing while a worker rolls it out. */
export function manualTransitions(d: Pick<Deployment, 'automated' | 'status'>): TargetStatus[] {
  return isRollingOut(d) ? [] : LEGAL_TRANSITIONS[d.status];
}
