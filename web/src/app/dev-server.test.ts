// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';

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
