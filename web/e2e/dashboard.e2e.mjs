#!/usr/bin/env node
// The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the
// RUNNING stack: nginx from compose.yaml or the Vite dev server from compose.override.yaml.
//
//   BASE_URL               where the dashboard is served           (default http://127.0.0.1:3000)
//   SCREENSHOT_DIR         where dashboard*.png are written        (default <repo>/build/e2e)
//   CHROMIUM_PATH          the browser binary                      (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS         per-step wait                           (default 15000)
//   E2E_ROLLOUT_TIMEOUT_MS how long the worker may take a rollout  (default 90000)
//
// It creates one deployment (the worker rolls it out) and starts one seeded pending deployment
// by hand; it does not reset anything.
import path from 'node:path';
import {
  anyFailed,
  BASE_URL,
  check,
  CHROMIUM,
  finish,
  launchBrowser,
  ROLLOUT_TIMEOUT,
  SCREENSHOT_DIR,
  step,
  TIMEOUT,
} from './harness.mjs';

let page;

const STEP_NAMES = ['build', 'push', 'deploy', 'health_check', 'done'];
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
  const { context, close } = await launchBrowser();
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
      // One read of the row, so the worker cannot move it between two looks.
      const seen = await row.evaluate((tr) => ({
        status: tr.getAttribute('data-status'),
        automated: tr.getAttribute('data-automated'),
        rollingOut: tr.querySelector('[data-testid="rolling-out"]') !== null,
        manualButtons: tr.querySelectorAll('[data-testid^="action-"]').length,
      }));
      check(seen.automated === 'true', `row #${created} is not automated (${seen.automated})`);
      if (seen.status === 'pending' || seen.status === 'in_progress') {
        check(seen.rollingOut, `row #${created} is ${seen.status} but shows no rolling-out marker`);
        check(
          seen.manualButtons === 0,
          `row #${created} offers manual transitions while a worker rolls it out`,
        );
      }
      check(
        (await rows().first().getAttribute('data-testid')) === `deployment-row-${created}`,
        'the new row is not first',
      );
      await page.waitForFunction(
        ([sel, n]) => Number.parseInt(document.querySelector(sel)?.textContent ?? '', 10) === n,
        [tid('deployments-count'), before + 1],
      );
    });

    let outcome = null;
    await step('the worker rolls the new deployment out, no click needed', async () => {
      check(created, 'no deployment was created');
      const sel = tid(`deployment-row-${created}`);
      const started = Date.now();
      // Only the page's own polling can bring the final status in: nothing here clicks.
      await page.waitForFunction(
        (s) => ['completed', 'failed'].includes(document.querySelector(s)?.dataset.status),
        sel,
        { timeout: ROLLOUT_TIMEOUT, polling: 250 },
      );
      outcome = await page.locator(sel).getAttribute('data-status');
      console.log(`        #${created} ${outcome} after ${Date.now() - started} ms`);
      const row = page.locator(sel);
      check(
        (await row.locator(tid('rolling-out')).count()) === 0,
        'the rolling-out marker is still shown on a final row',
      );
      if (outcome === 'failed') {
        const text = await row.innerText();
        check(/failed: /.test(text), `the failed row shows no error message: '${text}'`);
      } else {
        check(
          (await row.locator(tid('action-rollback')).count()) === 1,
          'no Roll back on the completed deployment',
        );
      }
    });

    await step('its steps panel shows all five steps ended consistently', async () => {
      check(outcome, 'the rollout did not end');
      await page
        .locator(tid(`deployment-row-${created}`))
        .locator(tid('steps-button'))
        .click();
      const panel = page.locator(tid('steps-panel'));
      await panel.waitFor();
      // The panel polls on its own; wait until it shows what the row shows.
      await panel.locator(`${tid('status-badge')}[data-status="${outcome}"]`).waitFor();
      const statuses = [];
      for (const name of STEP_NAMES) {
        statuses.push(await panel.locator(tid(`step-${name}`)).getAttribute('data-status'));
      }
      if (outcome === 'completed') {
        check(
          statuses.every((s) => s === 'succeeded'),
          `completed, but the steps are ${statuses.join(', ')}`,
        );
      } else {
        const at = statuses.indexOf('failed');
        const expected = STEP_NAMES.map((_, i) =>
          i < at ? 'succeeded' : i === at ? 'failed' : 'skipped',
        );
        check(
          at >= 0 && at < 4 && statuses.join() === expected.join(),
          `failed, but the steps are ${statuses.join(', ')}`,
        );
        const failure = await panel.locator(tid('steps-failure')).innerText();
        const stepMessage = await panel
          .locator(tid(`step-${STEP_NAMES[at]}`))
          .locator(tid('step-message'))
          .innerText();
        check(
          stepMessage.length > 0 && failure.includes(stepMessage),
          `the failure box '${failure}' does not show the step's message '${stepMessage}'`,
        );
      }
      const worker = (await panel.locator(tid('steps-worker')).innerText()).trim();
      check(worker && worker !== 'not picked up yet', `no worker named: '${worker}'`);
      const attempts = Number.parseInt(await panel.locator(tid('steps-attempts')).innerText(), 10);
      check(attempts >= 1, `attempts is ${attempts}`);
      check((await panel.locator(tid('steps-live')).count()) === 0, 'a final rollout shows live');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-steps.png') });
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    });

    await step('a seeded deployment still moves by hand', async () => {
      // Seeded rows are manual. Start a pending one; once the seed has none left (this test ran
      // before on the same stack), complete an in_progress one instead.
      const moves = [
        { from: 'pending', action: 'action-start', to: 'in_progress', then: 'action-complete' },
        {
          from: 'in_progress',
          action: 'action-complete',
          to: 'completed',
          then: 'action-rollback',
        },
      ];
      const manualRows = (status) =>
        page.locator(
          `${tid('deployments-table')} tbody tr[data-status="${status}"][data-automated="false"]`,
        );
      let id = null;
      let move = null;
      for (const candidate of moves) {
        await page.locator(tid('filter-status')).selectOption(candidate.from);
        await page.waitForFunction(
          ([sel, status]) =>
            [...document.querySelectorAll(sel)].every((tr) => tr.dataset.status === status),
          [`${tid('deployments-table')} tbody tr`, candidate.from],
        );
        await page
          .locator(`${tid('deployments-table')} tbody tr, ${tid('deployments-empty')}`)
          .first()
          .waitFor();
        if ((await manualRows(candidate.from).count()) > 0) {
          const testId = await manualRows(candidate.from).first().getAttribute('data-testid');
          id = testId.replace('deployment-row-', '');
          move = candidate;
          break;
        }
      }
      check(id, 'no seeded pending or in_progress deployment left (make reset-db restores them)');
      console.log(`        #${id} ${move.from} -> ${move.to}`);
      const row = page.locator(tid(`deployment-row-${id}`));
      check(
        (await row.locator(tid('rolling-out')).count()) === 0,
        'a manual row claims a worker rolls it out',
      );
      await row.locator(tid(move.action)).click();
      // It leaves this filtered view; it shows up under its new status.
      await row.waitFor({ state: 'detached' });
      await page.locator(tid('filter-status')).selectOption(move.to);
      await page.locator(`${tid(`deployment-row-${id}`)}[data-status="${move.to}"]`).waitFor();
      check(
        (await row.locator(tid(move.then)).count()) === 1,
        `no ${move.then} on the manual ${move.to} row`,
      );
      // Seeded rows have no Steps button; a click on the row says why.
      check(
        (await row.locator(tid('steps-button')).count()) === 0,
        'a seeded row offers rollout steps',
      );
      await row.locator('td[data-label="Version"]').click();
      await page.locator(tid('steps-manual')).waitFor();
      await page.keyboard.press('Escape');
      await page.locator(tid('filter-clear')).click();
      await page.waitForURL((u) => !u.search.includes('status='));
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
    if (anyFailed()) {
      await page
        .screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-failure.png'), fullPage: true })
        .catch(() => {});
      console.log(`  failure screenshot: ${path.join(SCREENSHOT_DIR, 'dashboard-failure.png')}`);
    }
    await close();
  }
  finish();
}

main().catch((err) => {
  console.error(`e2e: crashed: ${err && err.stack ? err.stack : err}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
