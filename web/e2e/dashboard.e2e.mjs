#!/usr/bin/env node
// The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the
// RUNNING stack: nginx from compose.yaml or the Vite dev server from compose.override.yaml.
//
//   BASE_URL        where the dashboard is served      (default http://127.0.0.1:3000)
//   SCREENSHOT_DIR  where dashboard*.png are written    (default <repo>/build/e2e)
//   CHROMIUM_PATH   the browser binary                  (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS  per-step wait                       (default 15000)
//
// It creates one deployment (and starts it); it does not reset anything.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const SCREENSHOT_DIR = path.resolve(
  process.env.SCREENSHOT_DIR || path.join(here, '..', '..', 'build', 'e2e'),
);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15_000);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const results = [];
let page;

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok    ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    const msg = (err && err.message ? err.message : String(err))
      .split('\n')
      .slice(0, 6)
      .join('\n        ');
    results.push({ name, ok: false, msg });
    console.log(`  FAIL  ${name}\n        ${msg}`);
  }
}

function check(cond, message) {
  if (!cond) throw new Error(message);
}

const tid = (id) => `[data-testid="${id}"]`;
const rows = () => page.locator(`${tid('deployments-table')} tbody tr`);

async function countFromPanel() {
  const text = await page.locator(tid('deployments-count')).innerText({ timeout: TIMEOUT });
  return Number.parseInt(text, 10);
}

async function cacheSeq() {
  return Number(await page.locator(tid('cache-explain')).getAttribute('data-seq'));
}

/** Waits for the next list load after `before` and returns its X-Cache. */
async function nextCacheStatus(before) {
  await page.waitForFunction(
    ([sel, n]) => Number(document.querySelector(sel)?.getAttribute('data-seq')) > n,
    [tid('cache-explain'), before],
    { timeout: TIMEOUT },
  );
  return (await page.locator(tid('cache-status')).innerText()).trim();
}

async function main() {
  console.log(`e2e: dashboard at ${BASE_URL} (Chromium ${CHROMIUM})`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'wander-e2e-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
    });
  } catch (err) {
    console.error(`e2e: cannot start Chromium at ${CHROMIUM}: ${err.message.split('\n')[0]}`);
    console.error('e2e: install it (apt-get install chromium) or set CHROMIUM_PATH.');
    rmSync(profile, { recursive: true, force: true });
    process.exit(2);
  }
  context.setDefaultTimeout(TIMEOUT);
  page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));

  const stamp = Math.floor(Date.now() / 1000) % 100_000;
  const version = `v7.${stamp}.${Math.floor(Math.random() * 1000)}`;
  let created = null;

  try {
    await step('page loads with seeded rows and healthy badges', async () => {
      const res = await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
      check(res && res.ok(), `GET ${BASE_URL}/ answered ${res ? res.status() : 'nothing'}`);
      await rows().first().waitFor();
      const n = await rows().count();
      const total = await countFromPanel();
      check(total >= 30, `expected the seed (>= 30 deployments), the page says ${total}`);
      check(n === Math.min(20, total), `expected ${Math.min(20, total)} rows on page 1, got ${n}`);
      for (const svc of ['api', 'postgres', 'redis']) {
        await page
          .locator(`${tid(`health-${svc}`)}[data-status="up"]`)
          .waitFor()
          .catch(async () => {
            const state = await page.locator(tid(`health-${svc}`)).getAttribute('data-status');
            throw new Error(`health badge ${svc} is '${state}', expected 'up'`);
          });
      }
      check(
        (await page.locator(tid('health-banner')).count()) === 0,
        'a health banner is shown on a healthy stack',
      );
    });

    await step('a filter narrows the table and lands in the URL', async () => {
      const total = await countFromPanel();
      await page.locator(tid('filter-status')).selectOption('failed');
      await page.waitForURL(/[?&]status=failed\b/);
      await page.waitForFunction(
        (sel) => {
          const trs = [...document.querySelectorAll(sel)];
          return trs.length > 0 && trs.every((tr) => tr.getAttribute('data-status') === 'failed');
        },
        `${tid('deployments-table')} tbody tr`,
      );
      const narrowed = await countFromPanel();
      check(
        narrowed > 0 && narrowed < total,
        `status=failed should match fewer than ${total}, got ${narrowed}`,
      );
      await page.locator(tid('filter-environment')).selectOption('production');
      await page.waitForURL(/environment=production/);
      await page.waitForFunction(
        (sel) => [...document.querySelectorAll(sel)].every((td) => td.textContent === 'production'),
        `${tid('deployments-table')} tbody td[data-label="Environment"]`,
      );
      // A shared link restores the same view.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await rows()
        .first()
        .waitFor()
        .catch(() => page.locator(tid('deployments-empty')).waitFor());
      check(
        (await page.locator(tid('filter-status')).inputValue()) === 'failed',
        'reload lost the status filter',
      );
      await page.locator(tid('filter-clear')).click();
      await page.waitForURL((u) => !u.search.includes('status='));
      await page.waitForFunction(
        ([sel, t]) => Number.parseInt(document.querySelector(sel)?.textContent ?? '', 10) === t,
        [tid('deployments-count'), total],
      );
    });

    await step("the API's 422 is shown next to the field", async () => {
      await page.locator(tid('create-version')).fill('not-a-version');
      await page.locator(tid('create-deployed-by')).fill('e2e@example.com');
      await page.locator(tid('create-submit')).click();
      await page.locator(tid('error-version')).waitFor();
      const invalid = await page.locator(tid('create-version')).getAttribute('aria-invalid');
      check(invalid === 'true', 'the version input is not marked aria-invalid');
    });

    await step('creating a deployment adds a row without a reload', async () => {
      const before = await countFromPanel();
      await page.locator(tid('create-service')).selectOption('analytics');
      await page.locator(tid('create-environment')).selectOption('staging');
      await page.locator(tid('create-version')).fill(version);
      await page.locator(tid('create-submit')).click();
      const msg = await page.locator(tid('create-success')).innerText();
      created = Number(/#(\d+)/.exec(msg)?.[1]);
      check(created > 0, `no id in the success message '${msg}'`);
      const row = page.locator(tid(`deployment-row-${created}`));
      await row.waitFor();
      check((await row.innerText()).includes(version), `row #${created} does not show ${version}`);
      check(
        (await row.getAttribute('data-status')) === 'pending',
        'the new deployment is not pending',
      );
      check(
        (await rows().first().getAttribute('data-testid')) === `deployment-row-${created}`,
        'the new row is not first',
      );
      await page.waitForFunction(
        ([sel, n]) => Number.parseInt(document.querySelector(sel)?.textContent ?? '', 10) === n,
        [tid('deployments-count'), before + 1],
      );
    });

    await step('a row action moves the new deployment (pending -> in_progress)', async () => {
      check(created, 'no deployment was created');
      const row = page.locator(tid(`deployment-row-${created}`));
      await row.locator(tid('action-start')).click();
      await page
        .locator(`${tid(`deployment-row-${created}`)}[data-status="in_progress"]`)
        .waitFor();
      check(
        (await row.locator(tid('action-complete')).count()) === 1,
        'no Complete action on an in_progress row',
      );
      check(
        (await row.locator(tid('action-start')).count()) === 0,
        'Start still offered on an in_progress row',
      );
    });

    await step('clearing the cache shows MISS, then HIT on the next load', async () => {
      let seq = await cacheSeq();
      await page.locator(tid('clear-cache')).click();
      await page.locator(tid('clear-cache-result')).filter({ hasText: 'Cleared' }).waitFor();
      const afterClear = await nextCacheStatus(seq);
      check(
        afterClear === 'MISS',
        `after Clear cache the list load was ${afterClear}, expected MISS`,
      );
      seq = await cacheSeq();
      await page.locator(tid('refresh-deployments')).click();
      const again = await nextCacheStatus(seq);
      check(again === 'HIT', `the next list load was ${again}, expected HIT`);
    });

    await step('screenshots saved (1280 px light, 390 px dark)', async () => {
      const wide = path.join(SCREENSHOT_DIR, 'dashboard.png');
      await page.locator(tid('stat-total')).waitFor();
      await page.screenshot({ path: wide, fullPage: true });
      const phone = await context.newPage();
      await phone.emulateMedia({ colorScheme: 'dark' });
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
      await phone
        .locator(`${tid('deployments-table')} tbody tr`)
        .first()
        .waitFor();
      await phone.locator(tid('stat-total')).waitFor();
      await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-phone-dark.png') });
      await phone.close();
      console.log(`        ${wide}`);
    });

    await step('no uncaught errors in the page', async () => {
      check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
    });
  } finally {
    if (results.some((r) => !r.ok)) {
      await page
        .screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-failure.png'), fullPage: true })
        .catch(() => {});
      console.log(`  failure screenshot: ${path.join(SCREENSHOT_DIR, 'dashboard-failure.png')}`);
    }
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (failed) {
    console.log(
      `e2e: FAILED: ${results
        .filter((r) => !r.ok)
        .map((r) => r.name)
        .join('; ')}`,
    );
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`e2e: crashed: ${err && err.stack ? err.stack : err}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
