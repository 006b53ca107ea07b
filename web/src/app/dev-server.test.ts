// @vitest-environment node
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { http as msw, passthrough } from 'msw';
import { server } from '../testing/server';

/** vite.config.ts as the dev server would load it with the given environment. */
async function devServerConfig(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { default: config } = await import('../../vite.config');
  return config as { server: { watch?: { usePolling?: boolean } } };
}

describe('the dev server config', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('polls for file changes when VITE_POLL is set (macOS/Windows bind mounts)', async () => {
    const config = await devServerConfig({ VITE_POLL: '1' });
    expect(config.server.watch?.usePolling).toBe(true);
  });

  it('uses native file events by default, and when compose passes VITE_POLL empty', async () => {
    expect((await devServerConfig({})).server.watch?.usePolling).toBeUndefined();
    expect((await devServerConfig({ VITE_POLL: '' })).server.watch?.usePolling).toBeUndefined();
  });
});

describe('the dev server proxy of /prometheus/ (the observability profile)', () => {
  type Bypass = (req: IncomingMessage, res: ServerResponse) => Promise<string | undefined>;
  type PrometheusProxy = { target: string; rewrite: (p: string) => string; bypass: Bypass };

  async function prometheusProxy(target: string): Promise<PrometheusProxy> {
    const config = (await devServerConfig({ PROMETHEUS_PROXY_TARGET: target })) as unknown as {
      server: { proxy: Record<string, PrometheusProxy> };
    };
    const proxy = config.server.proxy['/prometheus/'];
    if (!proxy) throw new Error('no /prometheus/ proxy');
    return proxy;
  }

  async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    const http = createServer(handler);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return { port, close: () => new Promise((resolve) => http.close(resolve)) };
  }

  afterEach(() => vi.unstubAllEnvs());

  it('targets the compose service and strips /prometheus from the path', async () => {
    const proxy = await prometheusProxy('http://prometheus:9090');
    expect(proxy.target).toBe('http://prometheus:9090');
    expect(proxy.rewrite('/prometheus/api/v1/query?query=up')).toBe('/api/v1/query?query=up');
  });

  it('answers 503 in Prometheus error shape when nothing listens at the target', async () => {
    const gone = await serve(() => undefined);
    await gone.close(); // a port nothing listens on now
    const { bypass } = await prometheusProxy(`http://127.0.0.1:${gone.port}`);
    const dev = await serve((req, res) => void bypass(req, res));
    // A real HTTP exchange with the server above, not one of the mocked API's.
    server.use(msw.get(`http://127.0.0.1:${dev.port}/*`, () => passthrough()));
    try {
      const res = await fetch(`http://127.0.0.1:${dev.port}/prometheus/api/v1/query?query=up`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; errorType: string; error: string };
      expect([body.status, body.errorType]).toEqual(['error', 'unavailable']);
      expect(body.error).toContain('make dev PROFILE=observability');
    } finally {
      await dev.close();
    }
  });

  it('lets the request through to a running Prometheus', async () => {
    const running = await serve((_req, res) => res.end());
    const { bypass } = await prometheusProxy(`http://127.0.0.1:${running.port}`);
    try {
      const req = { url: '/prometheus/api/v1/query' } as IncomingMessage;
      await expect(bypass(req, {} as ServerResponse)).resolves.toBeUndefined();
    } finally {
      await running.close();
    }
  });
});
