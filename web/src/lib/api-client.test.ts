import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
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
