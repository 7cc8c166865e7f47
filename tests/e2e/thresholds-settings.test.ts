import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { addMonths, toIsoDate } from '../../shared/kernel/dates';
import { makeFormatters } from '../../shared/kernel/format';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * The key-accounts thresholds form is also a section of Settings: the same
 * form, so what is saved there is what the Key accounts page works with.
 */

let browser: Browser;
let db: Db;
let page: Page;
const problems: string[] = [];
const today = toIsoDate(new Date());
const fmt = makeFormatters('en-GB', 'EUR');

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'thresholds-settings.db'), findMigrationsFolder());
  const { call } = routerCalls(db);
  await call('app.startEmpty', {});
  for (const [name, amount] of [['Orion Supply Kft.', 6000], ['Lyra Trade Bt.', 3000], ['Vega Retail Zrt.', 1000]] as const) {
    const id = (await call<{ id: number }>('clients.create', { name })).id;
    await call('purchases.create', { clientId: id, date: addMonths(today, -2), quantity: 1, amount });
  }
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page = app.page;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-thresholds-settings-${ctx.task.name.replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

describe('thresholds under Settings', () => {
  it('a value saved in Settings is the one the Key accounts page shows and works with', async () => {
    await page.goto(`${TEST_ORIGIN}/index.html#/settings`, { timeout: 45_000 });
    const section = page.getByTestId('settings-thresholds');
    await section.waitFor({ timeout: 30_000 });
    expect(await section.locator('h2').textContent()).toBe('Key accounts: thresholds');
    const classA = section.getByLabel('Class A up to (% of revenue)');
    await expect.poll(() => classA.inputValue()).toBe('80');
    await classA.fill('70');
    await section.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => section.getByTestId('thresholds-saved').isVisible()).toBe(true);
    expect((await routerCalls(db).call<{ classA: number }>('analytics.settings', {})).classA).toBeCloseTo(0.7, 10);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'settings-thresholds.png') });

    await page.getByRole('link', { name: 'Key accounts' }).first().click();
    await page.getByTestId('pareto-headline').waitFor({ timeout: 30_000 });
    // The report below is worked out with it…
    await expect.poll(() => page.getByText(`A: the fewest top clients that reach ${fmt.percent(0.7)} of revenue`, { exact: false }).count()).toBe(1);
    // …and the page's own form shows it.
    await page.getByTestId('thresholds').locator('summary').click();
    expect(await page.getByTestId('thresholds').getByLabel('Class A up to (% of revenue)').inputValue()).toBe('70');
    expect(problems).toEqual([]);
  });
});
