/// <reference types="vitest/config" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// Where the dev server forwards /api: the API on the host by default, `http://api:8080`
// inside compose (compose.override.yaml sets API_PROXY_TARGET).
const apiTarget = process.env.API_PROXY_TARGET || 'http://localhost:8080';

// The API rate-limits writes by X-Forwarded-For, so the proxy sets it from the socket instead of
// passing on whatever the client sent.
const apiProxy: ProxyOptions = {
  target: apiTarget,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq, req) => {
      proxyReq.setHeader('X-Forwarded-For', req.socket.remoteAddress ?? '');
    });
  },
};

// Prometheus (make dev PROFILE=observability) for the metrics panel: `http://prometheus:9090` in
// compose. Without the profile nothing listens there: before proxying, the dev server checks that
// the target accepts a connection, and when it does not, answers 503 with Prometheus's error body
// as nginx does (web/nginx/default.conf.template), instead of logging a proxy error every poll.
const PROBE_TIMEOUT_MS = 1_000;

const UNAVAILABLE_BODY = JSON.stringify({
  status: 'error',
  errorType: 'unavailable',
  error: 'Prometheus is not running or not ready (make dev PROFILE=observability starts it)',
});

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A proxy `bypass`: undefined proxies the request; a string, with the answer sent, skips it. */
function answerWhenUnreachable(target: string) {
  const url = new URL(target);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return async (req: IncomingMessage, res: ServerResponse | undefined) => {
    if (!res || (await accepts(url.hostname, port))) return undefined;
    res.writeHead(503, { 'Content-Type': 'application/json' }).end(UNAVAILABLE_BODY);
    return req.url ?? '/';
  };
}

const prometheusTarget = process.env.PROMETHEUS_PROXY_TARGET || 'http://localhost:9090';
const prometheusProxy: ProxyOptions = {
  target: prometheusTarget,
  changeOrigin: true,
  rewrite: (path) => path.replace(/^\/prometheus/, ''),
  bypass: answerWhenUnreachable(prometheusTarget),
};

export default defineConfig({
  plugins: [react()],
  server: {
    host: '0.0.0.0',
    port: 3000,
    strictPort: true,
    proxy: {
      // http-proxy copies every upstream response header, so X-Cache reaches the browser.
      '/api': apiProxy,
      '/prometheus/': prometheusProxy,
    },
    // Transform the dashboard's modules as the server starts, not on the first page load (which
    // once took over 15 s on a busy 2-core machine, right after the container was recreated).
    warmup: { clientFiles: ['./src/main.tsx'] },
    // Bind mounts from macOS/Windows hosts do not deliver inotify events to the container.
    watch: process.env.VITE_POLL ? { usePolling: true, interval: 300 } : undefined,
  },
  preview: {
    proxy: { '/api': apiProxy, '/prometheus/': prometheusProxy },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Swagger UI is one 1.5 MB module, loaded by the API reference page only.
    chunkSizeWarningLimit: 1600,
    // Two pages: the dashboard and the API reference (Swagger UI, bundled: no CDN at run time).
    rolldownOptions: {
      input: {
        dashboard: fileURLToPath(new URL('index.html', import.meta.url)),
        'api-docs': fileURLToPath(new URL('api-docs.html', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    environmentOptions: { jsdom: { url: 'http://localhost:3000/' } },
  },
});
