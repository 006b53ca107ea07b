/**
 * The one typed client for the Wander Deploy API. Its types are generated from the API's OpenAPI
 * document (`npm run api-types`), so a field the API drops breaks the build. Every call goes to the same origin under `/api`
 * (nginx in compose, the Vite proxy in development).
 */
import {
  cacheStatusValues,
  deploymentStatusValues,
  rolloutStepValues,
  stepStatusValues,
  type components,
  type paths,
} from './api-schema';
import { recordCacheStatus } from './cache-status';

export const API_BASE = '/api';

// ---- contract types: generated from the API's OpenAPI document (api-schema.ts) -----------

type Schemas = components['schemas'];

export type DeploymentStatus = Schemas['DeploymentStatus'];
export const DEPLOYMENT_STATUSES = deploymentStatusValues;

export type Service = Schemas['Service'];
export type Environment = Schemas['Environment'];
export type NamedRef = Schemas['Ref'];
/** `allowed_transitions`: what a PATCH may move it to now (none while a worker rolls it out). */
export type Deployment = Schemas['Deployment'];

/** The statuses nothing moves out of on its own (rolled_back is reached by hand only). */
export const FINAL_STATUSES: readonly DeploymentStatus[] = ['completed', 'failed', 'rolled_back'];

export function isFinal(status: DeploymentStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** A worker owns it: its status changes on its own until the rollout ends. */
export function isRollingOut(d: Pick<Deployment, 'automated' | 'status'>): boolean {
  return d.automated && !isFinal(d.status);
}

export type RolloutStepName = Schemas['RolloutStep'];
export const ROLLOUT_STEPS = rolloutStepValues;

export const STEP_LABELS: Record<RolloutStepName, string> = {
  build: 'Build image',
  push: 'Push image',
  deploy: 'Deploy',
  health_check: 'Health check',
  done: 'Done',
};

export type StepStatus = Schemas['StepStatus'];
export const STEP_STATUSES = stepStatusValues;
export type RolloutStep = Schemas['Step'];
/** GET /deployments/{id}/steps. Manual deployments: steps [], worker null, attempts 0. */
export type Rollout = Schemas['Rollout'];

export interface DataEnvelope<T> {
  data: T;
}

export type DeploymentList = Schemas['DeploymentPage'];
type ListQuery = NonNullable<paths['/deployments']['get']['parameters']['query']>;
export type DeploymentQuery = { [K in keyof ListQuery]?: ListQuery[K] | undefined };
export type NewDeployment = Schemas['NewDeployment'];
export type DeploymentPatch = Schemas['StatusChange'];
export type Stats = Schemas['Stats'];
export type Health = Schemas['HealthReport'];
export type ApiErrorBody = Schemas['Error'];
export type FieldError = ApiErrorBody['details'][number];
export type CacheStatus = Schemas['CacheStatus'];

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
  return cacheStatusValues.find((status) => status === value) ?? null;
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
