/**
 * MSW handlers that mirror the real API contract (CONTRACT.md, rollout-contract.md): same JSON
 * shapes, same status codes (400 bad query or id, 404, 409 illegal transition or a deployment a
 * worker owns, 422 with details), `X-Cache` on the cacheable reads (MISS, then HIT, BYPASS while
 * "Redis" is down), writes invalidate. Created deployments are automated; their rollout moves
 * only when a test calls db.advanceRollout / db.finishRollout.
 */
import { http, HttpResponse, type JsonBodyType } from 'msw';
import {
  DEPLOYMENT_STATUSES,
  isRollingOut,
  LEGAL_TRANSITIONS,
  type DeploymentStatus,
  type FieldError,
  type Stats,
} from '../lib/api-client';
import { db, ENVIRONMENTS, SERVICES } from './db';

const VERSION_RE = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function errorBody(status: number, error: string, details: FieldError[] = []) {
  return HttpResponse.json({ error, status, timestamp: db.iso(Date.now()), details }, { status });
}

function record(request: Request, body?: unknown) {
  db.requests.push({ method: request.method, url: new URL(request.url), body });
}

function unavailable() {
  return db.postgresDown ? errorBody(503, 'database unavailable') : null;
}

/** The read-through cache every cacheable GET goes through. */
function cached(request: Request, body: JsonBodyType & object, withFlag = false) {
  const u = new URL(request.url);
  const params = [...u.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  const key = `${u.pathname}?${new URLSearchParams(params).toString()}`;
  let state: 'HIT' | 'MISS' | 'BYPASS';
  if (db.redisDown) state = 'BYPASS';
  else if (db.cache.has(key)) state = 'HIT';
  else {
    state = 'MISS';
    db.cache.add(key);
  }
  const payload = withFlag ? { ...body, cached: state === 'HIT' } : body;
  return HttpResponse.json(payload, { headers: { 'X-Cache': state } });
}

function invalidate() {
  db.invalidateCache();
}

const notFound = (id: unknown) => errorBody(404, `Deployment ${String(id)} does not exist`);

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
  http.get('*/api/health', ({ request }) => {
    record(request);
    const pg = db.postgresDown ? 'down' : 'up';
    const redis = db.redisDown ? 'down' : 'up';
    const status = db.postgresDown ? 'unhealthy' : db.redisDown ? 'degraded' : 'healthy';
    return HttpResponse.json(
      {
        status,
        checks: {
          postgres: { status: pg, latency_ms: 2 },
          redis: { status: redis, latency_ms: 1 },
        },
        version: '0.1.0-SNAPSHOT',
        uptime_s: 42,
      },
      { status: db.postgresDown ? 503 : 200 },
    );
  }),

  http.get('*/api/services', ({ request }) => {
    record(request);
    return unavailable() ?? cached(request, { data: SERVICES });
  }),

  http.get('*/api/environments', ({ request }) => {
    record(request);
    return unavailable() ?? cached(request, { data: ENVIRONMENTS });
  }),

  http.get('*/api/deployments', ({ request }) => {
    record(request);
    const down = unavailable();
    if (down) return down;
    const u = new URL(request.url);
    const limit = intParam(u, 'limit', 20, 1, 100);
    const offset = intParam(u, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const status = u.searchParams.get('status');
    if (typeof limit === 'string') return errorBody(400, limit);
    if (typeof offset === 'string') return errorBody(400, offset);
    if (status && !(DEPLOYMENT_STATUSES as readonly string[]).includes(status)) {
      return errorBody(400, `status must be one of ${DEPLOYMENT_STATUSES.join(', ')}`);
    }
    const service = u.searchParams.get('service');
    const environment = u.searchParams.get('environment');
    const matching = db
      .sorted()
      .filter((d) => !service || d.service.name === service)
      .filter((d) => !environment || d.environment.name === environment)
      .filter((d) => !status || d.status === status);
    return cached(
      request,
      { data: matching.slice(offset, offset + limit), count: matching.length },
      true,
    );
  }),

  http.get('*/api/deployments/:id', ({ request, params }) => {
    record(request);
    const d = db.deployments.find((x) => x.id === Number(params.id));
    return d ? HttpResponse.json({ data: d }) : notFound(params.id);
  }),

  // Never cached: no X-Cache header.
  http.get('*/api/deployments/:id/steps', ({ request, params }) => {
    record(request);
    const down = unavailable();
    if (down) return down;
    const raw = String(params.id);
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      return errorBody(400, 'Invalid deployment id', [
        { field: 'id', message: 'must be a positive whole number' },
      ]);
    }
    const view = db.rolloutView(Number(raw));
    return view ? HttpResponse.json({ data: view }) : notFound(raw);
  }),

  http.post('*/api/deployments', async ({ request }) => {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    record(request, body);
    if (!body || typeof body !== 'object')
      return errorBody(400, 'request body must be a JSON object');
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
      return errorBody(422, 'The deployment is not valid', details);
    }
    const d = db.createDeployment({
      service: { id: service.id, name: service.name },
      environment: { id: environment.id, name: environment.name },
      version: str('version'),
      deployed_by: str('deployed_by'),
    });
    return HttpResponse.json(
      { data: d },
      { status: 201, headers: { Location: `/api/deployments/${d.id}` } },
    );
  }),

  http.patch('*/api/deployments/:id', async ({ request, params }) => {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    record(request, body);
    const d = db.deployments.find((x) => x.id === Number(params.id));
    if (!d) return notFound(params.id);
    const target = body?.status as DeploymentStatus | undefined;
    if (!target || target === 'pending' || !DEPLOYMENT_STATUSES.includes(target)) {
      return errorBody(422, 'validation failed', [
        { field: 'status', message: 'must be one of in_progress, completed, failed, rolled_back' },
      ]);
    }
    const message = body?.error_message;
    if (message != null && target !== 'failed' && target !== 'rolled_back') {
      return errorBody(422, 'validation failed', [
        { field: 'error_message', message: 'only allowed with failed or rolled_back' },
      ]);
    }
    if (isRollingOut(d)) {
      return errorBody(
        409,
        `Deployment ${d.id} is being rolled out by a worker; its status changes on its own`,
      );
    }
    if (!LEGAL_TRANSITIONS[d.status].includes(target)) {
      const allowed = LEGAL_TRANSITIONS[d.status].join(', ') || 'none';
      return errorBody(
        409,
        `Deployment ${d.id} is ${d.status} and cannot become ${target}; allowed next: ${allowed}`,
      );
    }
    d.status = target;
    if (target !== 'in_progress' && !d.completed_at) d.completed_at = db.iso(Date.now());
    if (typeof message === 'string') d.error_message = message;
    invalidate();
    return HttpResponse.json({ data: d });
  }),

  http.get('*/api/stats', ({ request }) => {
    record(request);
    const down = unavailable();
    if (down) return down;
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
    return cached(request, { data: stats });
  }),

  http.delete('*/api/cache', ({ request }) => {
    record(request);
    const cleared = db.cache.size;
    db.cache.clear();
    return HttpResponse.json({ data: { cleared } });
  }),
];
