#!/usr/bin/env node
// make chaos: watches the dashboard's health banner in a real browser (Debian's Chromium driven by
// web/node_modules/playwright-core) while the chaos scenario ApiCrashTest (scenarios/, JUnit) takes
// the API away; it starts this script and reads its lines.
//   node scripts/chaos/banner.mjs http://127.0.0.1:23100
// Prints, each with the epoch milliseconds: READY (dashboard loaded, no banner), then SHOWN <text>
// and CLEARED at every change, until SIGTERM or BANNER_WATCH_MS (default 240 s); ERROR <message>
// (exit 1) when the dashboard does not load. CHROMIUM_PATH names the browser.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { chromium } = createRequire(path.join(root, 'web', 'package.json'))('playwright-core');
const base = (process.argv[2] || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const deadline = Date.now() + Number(process.env.BANNER_WATCH_MS || 240_000);
const say = (line) => console.log(`${line.split(' ')[0]} ${Date.now()} ${line.split(' ').slice(1).join(' ')}`.trim());

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
try {
  const page = await browser.newPage();
  await page.goto(base, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const banner = page.locator('[data-testid="health-banner"]');
  await page.locator('[data-testid="deployments-table"]').waitFor({ timeout: 60_000 });
  await banner.waitFor({ state: 'detached', timeout: 30_000 });
  say('READY');
  let shown = false;
  while (!stopping && Date.now() < deadline) {
    try {
      await banner.waitFor({ state: shown ? 'detached' : 'visible', timeout: 500 });
    } catch {
      continue; // not yet: look again (and at SIGTERM) in a moment
    }
    shown = !shown;
    say(shown ? `SHOWN ${(await banner.innerText()).split('\n')[0].slice(0, 80)}` : 'CLEARED');
  }
} catch (err) {
  say(`ERROR ${String(err).split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
