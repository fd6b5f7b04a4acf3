// One step of the console browser test (console_browser_test.cpp runs it twice, around the fix in
// QuickBooks), in Debian's headless Chromium through playwright-core:
//   node console.mjs sees-needs-review     logs in, finds ML_CONSOLE_ORDER among the needs-review orders
//   node console.mjs retries-until-posted  logs in, clicks its Retry, waits until the console shows it posted
// Environment: ML_CONSOLE_URL (…/console), ML_CONSOLE_TOKEN, ML_CONSOLE_ORDER, ML_CONSOLE_ARTEFACTS
// (screenshots). Exit status 0 when the step's expectation held.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const { ML_CONSOLE_URL: url, ML_CONSOLE_TOKEN: token, ML_CONSOLE_ORDER: order, ML_CONSOLE_ARTEFACTS: artefacts } = process.env;
const step = process.argv[2];
const POSTED_WITHIN_MS = 240_000;

async function logIn(page) {
  await page.goto(url);
  await page.locator('#token').fill(token);
  await page.screenshot({ path: join(artefacts, '01-login.png') });
  await page.locator('#login-form button[type=submit]').click();
  await page.locator('#state-counts .card').first().waitFor();
}

async function orderRow(page) {
  await page.locator('#tabs button[data-view=orders]').click();
  await page.locator('#order-states').selectOption('needs_review');
  const row = page.locator(`#order-table tbody tr[data-key="${order}"]`);
  await row.waitFor();
  return row;
}

async function seesNeedsReview(page) {
  await logIn(page);
  await page.screenshot({ path: join(artefacts, '02-dashboard.png'), fullPage: true });
  const row = await orderRow(page);
  const state = await row.locator('.state').textContent();
  const reason = await row.locator('td').nth(3).textContent();
  if (state !== 'needs_review') throw new Error(`order ${order} shows "${state}", not needs_review`);
  if (!reason.includes('NEW-')) throw new Error(`order ${order} gives no unknown-SKU reason: ${reason}`);
  console.log(`console shows ${order} needing review: ${reason}`);
  await page.screenshot({ path: join(artefacts, '03-needs-review.png'), fullPage: true });
}

async function retriesUntilPosted(page) {
  await logIn(page);
  const row = await orderRow(page);
  await row.locator('button.retry').click();
  await page.locator('#timeline-states').waitFor();
  await page.screenshot({ path: join(artefacts, '04-retried.png'), fullPage: true });
  const posted = page.locator('#timeline-states .state.posted');
  await posted.waitFor({ timeout: POSTED_WITHIN_MS });
  console.log(`console shows ${order} posted: ${await page.locator('#timeline-states').textContent()}`);
  await page.screenshot({ path: join(artefacts, '05-posted.png'), fullPage: true });

  await page.locator('#tabs button[data-view=alerts]').click();
  await page.locator('#alert-table tbody').waitFor();
  await page.screenshot({ path: join(artefacts, '06-alerts.png'), fullPage: true });
  await page.locator('#tabs button[data-view=report]').click();
  await page.locator('#report-from').fill('2026-03-01');
  await page.locator('#report-to').fill('2026-03-31');
  await page.locator('#report-form button[type=submit]').click();
  await page.locator('#report-chart svg rect.bar-posted').first().waitFor();
  await page.screenshot({ path: join(artefacts, '07-month-end.png'), fullPage: true });
}

const steps = { 'sees-needs-review': seesNeedsReview, 'retries-until-posted': retriesUntilPosted };
if (!steps[step] || !url || !token || !order || !artefacts) {
  console.error('usage: ML_CONSOLE_URL=… ML_CONSOLE_TOKEN=… ML_CONSOLE_ORDER=… ML_CONSOLE_ARTEFACTS=… node console.mjs ' +
                Object.keys(steps).join('|'));
  process.exit(2);
}

// A fresh profile per run (Playwright passes it to Chromium as --user-data-dir).
const profile = mkdtempSync(join(tmpdir(), 'ml-console-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let failed = false;
const page = browser.pages()[0] ?? await browser.newPage();
page.on('console', (message) => { if (message.type() === 'error') console.log('page error:', message.text()); });
try {
  await steps[step](page);
} catch (error) {
  failed = true;
  console.error(`${step} failed: ${error.message}`);
  await page.screenshot({ path: join(artefacts, `failed-${step}.png`), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
