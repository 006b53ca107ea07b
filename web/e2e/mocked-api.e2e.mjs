#!/usr/bin/env node
// make dev PROFILE=frontend in a real browser: the dashboard renders its rows with no API behind
// the dev server, from the tests' MSW handlers running in the page (a service worker).
//   BASE_URL  the Vite dev server started with VITE_API_MOCK=1 (default http://127.0.0.1:3000)
import { BASE_URL, check, finish, launchBrowser, step, TIMEOUT } from './harness.mjs';

const { context, close } = await launchBrowser();
const page = await context.newPage();
const apiCalls = [];
page.on('response', (r) => {
  if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r);
});

await step('the dashboard renders the mocked deployments', async () => {
  await page.goto(BASE_URL, { waitUntil: 'domcontentloaded' });
  const rows = page.locator('[data-testid="deployments-table"] tbody tr');
  await rows.first().waitFor({ timeout: TIMEOUT });
  check((await rows.count()) > 0, 'no rows in the deployments table');
});

await step('its API answers came from the service worker, not a server', async () => {
  check(apiCalls.length > 0, 'the page made no /api/ request');
  const fromNetwork = apiCalls.filter((r) => !r.fromServiceWorker());
  check(
    fromNetwork.length === 0,
    `answered by the network: ${fromNetwork.map((r) => r.url()).join(', ')}`,
  );
});

await close();
finish();
