#!/usr/bin/env node
// The dashboard's live metrics panel in a real browser, against the RUNNING stack:
//   EXPECT=live  Prometheus runs (the observability profile): the panel shows a request rate, a
//                p99 and a cache hit ratio, all numbers, read from /prometheus/api/v1/query
//   EXPECT=off   it does not: the panel says how to start it, with no error and no page error
//   BASE_URL     where the dashboard is served (default http://127.0.0.1:3000)
import path from 'node:path';
import {
  BASE_URL,
  check,
  finish,
  launchBrowser,
  SCREENSHOT_DIR,
  step,
  TIMEOUT,
} from './harness.mjs';

const EXPECT = process.env.EXPECT || 'live';
const tid = (id) => `[data-testid="${id}"]`;
// Prometheus needs two scrapes (5 s apart) before rate() has a value, and the panel polls every 5 s.
const LIVE_TIMEOUT = Math.max(TIMEOUT, 60_000);

const { context, close } = await launchBrowser();
const page = await context.newPage();
const pageErrors = [];
const queries = [];
page.on('pageerror', (err) => pageErrors.push(err.message));
page.on('response', (r) => {
  if (new URL(r.url()).pathname === '/prometheus/api/v1/query') queries.push(r.status());
});

await step(`the live metrics panel renders (${EXPECT})`, async () => {
  await page.goto(BASE_URL, { waitUntil: 'domcontentloaded' });
  await page.locator(tid('live-metrics')).waitFor({ timeout: TIMEOUT });
  if (EXPECT === 'live') {
    // Numbers, not dashes: the dashboard's own polling is the traffic they measure.
    await page.waitForFunction(
      (ids) =>
        ids.every((id) =>
          /\d/.test(document.querySelector(`[data-testid="live-${id}"]`)?.textContent ?? ''),
        ),
      ['request-rate', 'p99', 'cache-hit-ratio'],
      { timeout: LIVE_TIMEOUT, polling: 500 },
    );
    const text = await page.locator(tid('live-metrics')).innerText();
    console.log(`        ${text.replace(/\s+/g, ' ')}`);
    check(queries.length > 0 && queries.every((s) => s === 200), `query statuses: ${queries}`);
  } else {
    const off = await page.locator(tid('live-metrics-off')).innerText({ timeout: TIMEOUT });
    check(off.includes('make dev PROFILE=observability'), `the panel says: ${off}`);
    check(queries.length > 0 && queries.every((s) => s === 503), `query statuses: ${queries}`);
    check(
      (await page.locator(`${tid('live-metrics')} [role="alert"]`).count()) === 0,
      'an error is shown',
    );
  }
  check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  await page
    .locator(tid('live-metrics'))
    .screenshot({ path: path.join(SCREENSHOT_DIR, `metrics-panel-${EXPECT}.png`) });
});

await close();
finish();
