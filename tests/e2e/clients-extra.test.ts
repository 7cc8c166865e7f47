import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { addDays, addMonths, toIsoDate } from '../../shared/kernel/dates';
import { makeFormatters } from '../../shared/kernel/format';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * The clients grid's columns the accounts feature adds through its grid
 * extension: ABC class, key account (with the reason in words), risk band and
 * next task, their headers whole at the default width, the due date off until
 * chosen, and the values following a write.
 */

let browser: Browser;
let db: Db;
let page: Page;
let orion: number;
let quiet: number;
const problems: string[] = [];
const fmt = makeFormatters('en-GB', 'EUR');
const today = toIsoDate(new Date());

const COLUMNS = { abc: 'standingAbc', key: 'standingKey', band: 'standingBand', next: 'nextTaskTitle', due: 'nextTaskDue' };
/** A cell of the client named `name`, found through its row index (pinned and scrolled parts of a row are separate elements). */
async function cell(name: string, colId: string): Promise<string | null> {
  const rowIndex = await page.locator('.ag-row', { has: page.locator(`[col-id="name"]`, { hasText: name }) }).first().getAttribute('row-index');
  return page.locator(`.ag-row[row-index="${rowIndex}"] [col-id="${colId}"]`).first().textContent();
}

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'clients-extra.db'), findMigrationsFolder());
  const { call } = routerCalls(db);
  await call('app.startEmpty', {});
  orion = (await call<{ id: number }>('clients.create', { name: 'Orion Supply Kft.' })).id;
  quiet = (await call<{ id: number }>('clients.create', { name: 'Quiet Corner Bt.', innovator: true })).id;
  const small = (await call<{ id: number }>('clients.create', { name: 'Small Shop Kft.' })).id;
  await call('purchases.create', { clientId: orion, date: addMonths(today, -2), quantity: 1, amount: 9500 });
  await call('purchases.create', { clientId: small, date: addMonths(today, -1), quantity: 1, amount: 500 });
  // Bought nothing in the last twelve months: no class, no band.
  await call('purchases.create', { clientId: quiet, date: addMonths(today, -20), quantity: 1, amount: 500 });
  await call('tasks.create', { clientId: orion, title: 'Send the spring offer', dueDate: addDays(today, 5) });
  await call('tasks.create', { clientId: orion, title: 'Quarterly review', dueDate: addDays(today, 20) });
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page = app.page;
  // Wide enough that ag-grid draws every column at once (it leaves columns out of view undrawn).
  await page.setViewportSize({ width: 2600, height: 900 });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(`${TEST_ORIGIN}/index.html#/clients`);
  await page.locator('[data-testid="clients-grid"] .ag-row').first().waitFor();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-clients-extra-${ctx.task.name.replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

describe('the clients grid tells class, key account, band and next task', () => {
  it('shows the four columns with whole header names, and the due date only when chosen', async () => {
    for (const [colId, name] of [[COLUMNS.abc, 'ABC class'], [COLUMNS.key, 'Key account'], [COLUMNS.band, 'Risk band'], [COLUMNS.next, 'Next task']]) {
      const text = page.locator(`[data-testid="clients-grid"] .ag-header-cell[col-id="${colId}"] .ag-header-cell-text`);
      expect(await text.textContent()).toBe(name);
      // Whole: the text is not cut with an ellipsis at the column's default width.
      expect(await text.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `${name} is truncated`).toBe(true);
    }
    expect(await page.locator(`.ag-header-cell[col-id="${COLUMNS.due}"]`).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'clients-extra-columns.png') });
  });

  it('gives each client its class, band, key-account reason and first open task', async () => {
    await expect.poll(() => cell('Orion Supply Kft.', COLUMNS.abc)).toBe('A');
    expect(await cell('Orion Supply Kft.', COLUMNS.band)).toBe('Critical dependency');
    expect(await cell('Orion Supply Kft.', COLUMNS.key)).toBe(`${fmt.percent(0.95)} of company revenue`);
    expect(await cell('Orion Supply Kft.', COLUMNS.next)).toBe('Send the spring offer');
    expect(await cell('Small Shop Kft.', COLUMNS.band)).toBe('Normal');
    expect(await cell('Small Shop Kft.', COLUMNS.next)).toBe('');
    // No revenue in the twelve months: no class and no band, but key for the flag the user set.
    expect(await cell('Quiet Corner Bt.', COLUMNS.abc)).toBe('');
    expect(await cell('Quiet Corner Bt.', COLUMNS.band)).toBe('');
    expect(await cell('Quiet Corner Bt.', COLUMNS.key)).toBe('as an innovator');
  });

  it('follows a task ticked done on the client page: the next one moves up', async () => {
    await page.evaluate((id) => (window.location.hash = `#/clients/${id}`), orion);
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.getByRole('checkbox', { name: 'Mark “Send the spring offer” done' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Mark “Send the spring offer” not done' }).isChecked()).toBe(true);
    await page.evaluate(() => (window.location.hash = '#/clients'));
    await page.locator('[data-testid="clients-grid"] .ag-row').first().waitFor();
    await expect.poll(() => cell('Orion Supply Kft.', COLUMNS.next)).toBe('Quarterly review');
    void quiet;
  });

  it('logs no page error', () => {
    expect(problems).toEqual([]);
  });
});
