import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../testing/db';
import { server } from '../testing/server';
import { apiClient, ApiError } from './api-client';

describe('api client', () => {
  it('reads X-Cache and the list body', async () => {
    const first = await apiClient.listDeployments({ status: 'failed', limit: 5 });
    expect(first.cache).toBe('MISS');
    expect(first.body.cached).toBe(false);
    expect(first.body.data.every((d) => d.status === 'failed')).toBe(true);
    const second = await apiClient.listDeployments({ status: 'failed', limit: 5 });
    expect(second.cache).toBe('HIT');
    expect(second.body.cached).toBe(true);
  });

  it('turns an error body into an ApiError with status and details', async () => {
    const err = await apiClient
      .createDeployment({
        service: 'nope',
        environment: 'staging',
        version: 'v1.0.0',
        deployed_by: 'a@b.co',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(422);
    expect((err as ApiError).details).toEqual([
      { field: 'service', message: 'unknown service; known: frontend, api, worker, analytics' },
    ]);
  });

  it('reports 400 for a bad query and 404 for a missing deployment', async () => {
    await expect(apiClient.listDeployments({ limit: 500 })).rejects.toMatchObject({ status: 400 });
    await expect(apiClient.getDeployment(999)).rejects.toMatchObject({ status: 404 });
  });

  it('marks network failures as unreachable', async () => {
    server.use(http.get('*/api/stats', () => HttpResponse.error()));
    const err = (await apiClient.getStats().catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.unreachable).toBe(true);
  });
});

describe('api client: rollouts', () => {
  const newDeployment = () =>
    apiClient.createDeployment({
      service: 'api',
      environment: 'production',
      version: 'v3.1.0',
      deployed_by: 'dev@example.com',
    });

  it('creates automated deployments and reads their steps', async () => {
    const created = await newDeployment();
    expect(created).toMatchObject({ status: 'pending', automated: true });
    const rollout = await apiClient.getDeploymentSteps(created.id);
    expect(rollout).toMatchObject({
      deployment_id: created.id,
      status: 'pending',
      automated: true,
      worker: null,
      attempts: 0,
    });
    expect(rollout.steps.map((s) => [s.position, s.step, s.status])).toEqual([
      [1, 'build', 'waiting'],
      [2, 'push', 'waiting'],
      [3, 'deploy', 'waiting'],
      [4, 'health_check', 'waiting'],
      [5, 'done', 'waiting'],
    ]);
  });

  it('answers a seeded deployment with no steps, 404 for an unknown one, 400 for a bad id', async () => {
    expect(await apiClient.getDeploymentSteps(1)).toEqual({
      deployment_id: 1,
      status: db.find(1)!.status,
      automated: false,
      worker: null,
      attempts: 0,
      steps: [],
    });
    await expect(apiClient.getDeploymentSteps(999)).rejects.toMatchObject({
      status: 404,
      message: 'Deployment 999 does not exist',
    });
    await expect(apiClient.getDeploymentSteps(0)).rejects.toMatchObject({ status: 400 });
  });

  it('gets 409 for a manual move while the worker owns the deployment, not after', async () => {
    const created = await newDeployment();
    await expect(
      apiClient.updateDeployment(created.id, { status: 'in_progress' }),
    ).rejects.toMatchObject({
      status: 409,
      message: `Deployment ${created.id} is being rolled out by a worker; its status changes on its own`,
    });
    db.finishRollout(created.id);
    const rolledBack = await apiClient.updateDeployment(created.id, { status: 'rolled_back' });
    expect(rolledBack).toMatchObject({ status: 'rolled_back', automated: true });
  });
});
