import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { analyticsReport } from '../../electron/features/analytics/report';
import { generateDemo } from '../../electron/features/settings';
import { updateSettings } from '../../electron/features/settings/service';
import { lastTwelveMonths } from '../../shared/features/analytics/period';
import { toIsoDate } from '../../shared/kernel/dates';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * The key-accounts screen is kept while the user opens a client from it:
 * Back shows it where they left it (scrolled to the dependency grid, the
 * what-if they built), without computing the report again; the client's
 * page opens at its top; a change made on the client's page is in the
 * report on the way back.
 */

let browser: Browser;
let db: Db;
let page: Page;
let calls: string[];
const problems: string[] = [];
const today = toIsoDate(new Date());
const reports = () => calls.filter((c) => c === 'analytics.reportColumns').length;
const scrolled = () => page.evaluate(`document.querySelector('main.content').scrollTop`) as Promise<number>;
const topNameCell = () => page.locator('[data-testid="dependency-grid"] .ag-row[row-index="0"] [col-id="name"]');
const topName = () => topNameCell().textContent();
const topClient = () => analyticsReport(db, { ...lastTwelveMonths(today), scope: { kind: 'company' } }).rows[0];

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'analytics-kept.db'), findMigrationsFolder());
  generateDemo(db, { clients: 150, purchases: 6000, seed: 11, asOf: today });
  updateSettings(db, { onboarded: true });
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page = app.page;
  calls = app.calls;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-analytics-kept-${ctx.task.name.replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

describe('the key-accounts screen kept across a client opened from it', () => {
  it('Back shows it scrolled where it was, with its what-if, without computing the report again', async () => {
    const top = topClient();
    // A low window, so Settings is taller than it too: left where the browser puts it, Settings would open scrolled down.
    await page.setViewportSize({ width: 1280, height: 480 });
    await page.goto(`${TEST_ORIGIN}/index.html#/analytics`);
    await expect.poll(topName).toBe(top.name);
    await page.getByLabel('Client to remove').selectOption(String(top.id));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.getByTestId('what-if-after').textContent()).toMatch(/\d/);
    const whatIfAfter = await page.getByTestId('what-if-after').textContent();
    // Scrolled so the dependency grid is at the top of the screen, as a user reading it would be.
    await page.evaluate(`document.querySelector('[data-testid="dependency-grid"]').scrollIntoView({ block: 'start' })`);
    await expect.poll(scrolled).toBeGreaterThan(300);
    const at = await scrolled();
    await page.waitForTimeout(200);
    const asked = reports();
    expect(asked).toBeGreaterThan(0);

    // Another screen opens at its top: Settings draws its whole form at once, taller than this window.
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.evaluate(`(() => { const m = document.querySelector('main.content'); return m.scrollHeight - m.clientHeight; })()`)).toBeGreaterThan(at);
    expect(await scrolled()).toBe(0);
    await page.goBack();
    await expect.poll(scrolled).toBe(at);

    await topNameCell().click();
    await expect.poll(() => page.getByTestId('client-name').textContent()).toBe(top.name);
    // The client's page starts at its top (drawn once its data comes, the browser puts it there too), and nothing of the kept screen is in it.
    expect(await scrolled()).toBe(0);
    expect(await page.getByTestId('pareto-headline').count()).toBe(0);
    expect(await page.getByTestId('dependency-grid').count()).toBe(0);

    await page.goBack();
    await expect.poll(() => page.getByTestId('pareto-headline').count()).toBe(1);
    await expect.poll(scrolled).toBe(at);
    expect(await page.getByTestId('what-if-after').textContent()).toBe(whatIfAfter);
    expect(await topName()).toBe(top.name);
    expect(await page.locator('[data-testid="pareto-chart"] canvas').count()).toBeGreaterThan(0);
    expect(reports()).toBe(asked);
    expect(problems).toEqual([]);
  });

  it('a client renamed on its page is renamed in the report on the way back, and not recomputed before', async () => {
    const top = topClient();
    await topNameCell().click();
    await expect.poll(() => page.getByTestId('client-name').textContent()).toBe(top.name);
    const asked = reports();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('dialog').locator('#field-name').fill('Zzyzx Kept Report Kft.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('client-name').textContent()).toBe('Zzyzx Kept Report Kft.');
    await page.waitForTimeout(300);
    expect(reports()).toBe(asked);

    await page.goBack();
    await expect.poll(topName).toBe('Zzyzx Kept Report Kft.');
    expect(reports()).toBe(asked + 1);
    expect(problems).toEqual([]);
  });
});
