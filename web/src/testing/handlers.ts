/**
 * MSW handlers that mirror the real API, typed by its OpenAPI document (openapi-msw over the
 * generated `paths`): only documented paths, statuses and body shapes compile. Same status codes (400 bad query or id, 404, 409 illegal transition or a deployment a
 * worker owns, 422 with details), `X-Cache` on the cacheable reads (MISS, then HIT, BYPASS while
 * "Redis" is down), writes invalidate. Created deployments are automated; their rollout moves
 * only when a test calls db.advanceRollout / db.finishRollout.
 */
import { HttpResponse } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import {
  DEPLOYMENT_STATUSES,
  isRollingOut,
  type ApiErrorBody,
  type CacheStatus,
  type DeploymentStatus,
  type FieldError,
  type Stats,
} from '../lib/api-client';
import type { paths } from '../lib/api-schema';
import { db, ENVIRONMENTS, SERVICES } from './db';

const http = createOpenApiHttp<paths>({ baseUrl: '*/api' });

const VERSION_RE = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A raw error answer, for tests that override a handler with plain MSW. */
export function errorBody(status: number, error: string, details: FieldError[] = []) {
  return HttpResponse.json(errorJson(status, error, details), { status });
}

/** The API's one error shape; the typed handlers send it with `response(status).json(...)`. */
function errorJson(status: number, error: string, details: FieldError[] = []): ApiErrorBody {
  return { error, status, timestamp: db.iso(Date.now()), details };
}

function record(request: Request, body?: unknown) {
  db.requests.push({ method: request.method, url: new URL(request.url), body });
}

const databaseDown = () => errorJson(503, 'database unavailable');

/** The read-through cache every cacheable GET goes through: what it did for this request. */
function cacheLookup(request: Request): CacheStatus {
  const u = new URL(request.url);
  const params = [...u.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  const key = `${u.pathname}?${new URLSearchParams(params).toString()}`;
  if (db.redisDown) return 'BYPASS';
  if (db.cache.has(key)) return 'HIT';
  db.cache.add(key);
  return 'MISS';
}

const xCache = (state: CacheStatus) => ({ headers: { 'X-Cache': state } });

function invalidate() {
  db.invalidateCache();
}

const notFound = (id: unknown) => errorJson(404, `Deployment ${String(id)} does not exist`);
const badId = () =>
  errorJson(400, 'Invalid deployment id', [
    { field: 'id', message: 'must be a positive whole number' },
  ]);
const validId = (raw: string) => /^\d+$/.test(raw) && Number(raw) >= 1;

function intParam(u: URL, name: string, dflt: number, min: number, max: number): number | string {
  const raw = u.searchParams.get(name);
  if (raw === null) return dflt;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > max) {
    return `${name} must be an integer between ${min} and ${max}`;
  }
  return n;
}

export const handlers = [
  http.get('/health', ({ request, response }) => {
    record(request);
    const pg = db.postgresDown ? 'down' : 'up';
    const redis = db.redisDown ? 'down' : 'up';
    const status = db.postgresDown ? 'unhealthy' : db.redisDown ? 'degraded' : 'healthy';
    return response(db.postgresDown ? 503 : 200).json({
      status,
      checks: {
        postgres: { status: pg, latency_ms: 2 },
        redis: { status: redis, latency_ms: 1 },
      },
      version: '0.1.0-SNAPSHOT',
      uptime_s: 42,
    });
  }),

  http.get('/services', ({ request, response }) => {
    record(request);
    if (db.postgresDown) return response(503).json(databaseDown());
    return response(200).json({ data: SERVICES }, xCache(cacheLookup(request)));
  }),

  http.get('/environments', ({ request, response }) => {
    record(request);
    if (db.postgresDown) return response(503).json(databaseDown());
    return response(200).json({ data: ENVIRONMENTS }, xCache(cacheLookup(request)));
  }),

  http.get('/deployments', ({ request, response }) => {
    record(request);
    if (db.postgresDown) return response(503).json(databaseDown());
    const u = new URL(request.url);
    const limit = intParam(u, 'limit', 20, 1, 100);
    const offset = intParam(u, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const status = u.searchParams.get('status');
    if (typeof limit === 'string') return response(400).json(errorJson(400, limit));
    if (typeof offset === 'string') return response(400).json(errorJson(400, offset));
    if (status && !(DEPLOYMENT_STATUSES as readonly string[]).includes(status)) {
      return response(400).json(
        errorJson(400, `status must be one of ${DEPLOYMENT_STATUSES.join(', ')}`),
      );
    }
    const service = u.searchParams.get('service');
    const environment = u.searchParams.get('environment');
    const matching = db
      .sorted()
      .filter((d) => !service || d.service.name === service)
      .filter((d) => !environment || d.environment.name === environment)
      .filter((d) => !status || d.status === status);
    const state = cacheLookup(request);
    return response(200).json(
      {
        data: matching.slice(offset, offset + limit),
        count: matching.length,
        cached: state === 'HIT',
      },
      xCache(state),
    );
  }),

  http.get('/deployments/{id}', ({ request, params, response }) => {
    record(request);
    if (!validId(params.id)) return response(400).json(badId());
    const d = db.find(Number(params.id));
    return d ? response(200).json({ data: d }) : response(404).json(notFound(params.id));
  }),

  // Never cached: no X-Cache header.
  http.get('/deployments/{id}/steps', ({ request, params, response }) => {
    record(request);
    if (db.postgresDown) return response(503).json(databaseDown());
    if (!validId(params.id)) return response(400).json(badId());
    const view = db.rolloutView(Number(params.id));
    return view ? response(200).json({ data: view }) : response(404).json(notFound(params.id));
  }),

  http.post('/deployments', async ({ request, response }) => {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    record(request, body);
    if (!body || typeof body !== 'object')
      return response(400).json(errorJson(400, 'request body must be a JSON object'));
    const details: FieldError[] = [];
    const str = (k: string) => {
      const v = body[k];
      return typeof v === 'string' ? v : '';
    };
    const service = SERVICES.find((s) => s.name === str('service'));
    const environment = ENVIRONMENTS.find((e) => e.name === str('environment'));
    if (!service)
      details.push({
        field: 'service',
        message: `unknown service; known: ${SERVICES.map((s) => s.name).join(', ')}`,
      });
    if (!environment) {
      details.push({
        field: 'environment',
        message: `unknown environment; known: ${ENVIRONMENTS.map((e) => e.name).join(', ')}`,
      });
    }
    if (!VERSION_RE.test(str('version'))) {
      details.push({
        field: 'version',
        message: 'must be a semantic version such as v1.2.3 or 1.2.3-rc.1',
      });
    }
    if (!EMAIL_RE.test(str('deployed_by'))) {
      details.push({
        field: 'deployed_by',
        message: 'must be an e-mail address such as someone@example.com',
      });
    }
    if (details.length || !service || !environment) {
      return response(422).json(errorJson(422, 'The deployment is not valid', details));
    }
    const d = db.createDeployment({
      service: { id: service.id, name: service.name },
      environment: { id: environment.id, name: environment.name },
      version: str('version'),
      deployed_by: str('deployed_by'),
    });
    return response(201).json({ data: d }, { headers: { Location: `/api/deployments/${d.id}` } });
  }),

  http.patch('/deployments/{id}', async ({ request, params, response }) => {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    record(request, body);
    if (!validId(params.id)) return response(400).json(badId());
    const d = db.find(Number(params.id));
    if (!d) return response(404).json(notFound(params.id));
    const target = body?.status as DeploymentStatus | undefined;
    if (!target || !DEPLOYMENT_STATUSES.includes(target)) {
      return response(422).json(
        errorJson(422, 'The status change is not valid', [
          { field: 'status', message: `must be one of ${DEPLOYMENT_STATUSES.join(', ')}` },
        ]),
      );
    }
    const message = body?.error_message;
    if (message != null && target !== 'failed' && target !== 'rolled_back') {
      return response(422).json(
        errorJson(422, 'The status change is not valid', [
          { field: 'error_message', message: 'only allowed with status failed or rolled_back' },
        ]),
      );
    }
    if (isRollingOut(d)) {
      return response(409).json(
        errorJson(
          409,
          `Deployment ${d.id} is being rolled out by a worker; its status changes on its own`,
        ),
      );
    }
    if (!d.allowed_transitions.includes(target)) {
      const allowed = d.allowed_transitions.join(', ') || `none (${d.status} is final)`;
      return response(409).json(
        errorJson(
          409,
          `Deployment ${d.id} is ${d.status} and cannot become ${target}; allowed next: ${allowed}`,
        ),
      );
    }
    d.status = target;
    if (target !== 'in_progress' && !d.completed_at) d.completed_at = db.iso(Date.now());
    if (typeof message === 'string') d.error_message = message;
    invalidate();
    return response(200).json({ data: d });
  }),

  http.get('/stats', ({ request, response }) => {
    record(request);
    if (db.postgresDown) return response(503).json(databaseDown());
    const by_status = Object.fromEntries(
      DEPLOYMENT_STATUSES.map((s) => [s, 0]),
    ) as Stats['by_status'];
    const by_environment: Record<string, number> = Object.fromEntries(
      ENVIRONMENTS.map((e) => [e.name, 0]),
    );
    const now = Date.now();
    const days = Array.from({ length: 14 }, (_, i) =>
      new Date(now - (13 - i) * 86_400_000).toISOString().slice(0, 10),
    );
    const perDay = new Map(days.map((d) => [d, 0]));
    let last24 = 0;
    for (const d of db.deployments) {
      by_status[d.status] += 1;
      by_environment[d.environment.name] = (by_environment[d.environment.name] ?? 0) + 1;
      const day = d.started_at.slice(0, 10);
      if (perDay.has(day)) perDay.set(day, perDay.get(day)! + 1);
      if (now - new Date(d.started_at).getTime() <= 86_400_000) last24 += 1;
    }
    const decided = by_status.completed + by_status.failed;
    const stats: Stats = {
      total: db.deployments.length,
      by_status,
      success_rate: decided ? Math.round((by_status.completed / decided) * 100) / 100 : null,
      by_environment,
      last_24h: last24,
      per_day: days.map((date) => ({ date, count: perDay.get(date)! })),
    };
    return response(200).json({ data: stats }, xCache(cacheLookup(request)));
  }),

  http.delete('/cache', ({ request, response }) => {
    record(request);
    const cleared = db.cache.size;
    db.cache.clear();
    return response(200).json({ data: { cleared } });
  }),
];
