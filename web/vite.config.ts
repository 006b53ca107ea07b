/// <reference types="vitest/config" />
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

export default defineConfig({
  plugins: [react()],
  server: {
    host: '0.0.0.0',
    port: 3000,
    strictPort: true,
    proxy: {
      // http-proxy copies every upstream response header, so X-Cache reaches the browser.
      '/api': apiProxy,
    },
    // Bind mounts from macOS/Windows hosts do not deliver inotify events to the container.
    watch: process.env.VITE_POLL ? { usePolling: true, interval: 300 } : undefined,
  },
  preview: {
    proxy: { '/api': apiProxy },
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
