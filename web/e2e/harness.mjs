// The plumbing of the browser e2e: settings from the environment, Chromium, named steps with a
// pass/fail line each, and a summary line (the scenarios' support/Browser runs it). The scenario is in
// dashboard.e2e.mjs.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const SCREENSHOT_DIR = path.resolve(
  process.env.SCREENSHOT_DIR || path.join(here, '..', '..', 'build', 'e2e'),
);
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15_000);
// A rollout is five steps of ROLLOUT_STEP_DELAY_MIN..MAX each (1-3 s by default), plus the queue.
export const ROLLOUT_TIMEOUT = Number(process.env.E2E_ROLLOUT_TIMEOUT_MS || 90_000);

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

export async function step(name, fn) {
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

export function check(cond, message) {
  if (!cond) throw new Error(message);
}

export const anyFailed = () => results.some((r) => !r.ok);

/** Chromium with a throw-away profile; exits 2 when the browser cannot start. */
export async function launchBrowser() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'wander-e2e-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
    });
    context.setDefaultTimeout(TIMEOUT);
    const close = async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    };
    return { context, close };
  } catch (err) {
    console.error(`e2e: cannot start Chromium at ${CHROMIUM}: ${err.message.split('\n')[0]}`);
    console.error('e2e: install it (apt-get install chromium) or set CHROMIUM_PATH.');
    rmSync(profile, { recursive: true, force: true });
    process.exit(2);
  }
}

/** Prints the summary line and exits 1 if any step failed. */
export function finish() {
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
