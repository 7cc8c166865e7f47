import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { generateDemo } from '../../electron/features/settings';
import { updateSettings } from '../../electron/features/settings/service';
import { toIsoDate } from '../../shared/kernel/dates';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * The clients grid is kept as it was while the user is on another screen:
 * coming back shows the same rows, search and scroll at once, without
 * asking main again; a change made meanwhile is loaded on the way back,
 * not behind the screen the user is on.
 */

let browser: Browser;
let db: Db;
let page: Page;
let calls: string[];
const problems: string[] = [];
const count = () => page.getByTestId('clients-count').textContent();
const gridCalls = () => calls.filter((c) => c === 'clients.grid').length;
const topRowIndex = () =>
  page.evaluate(`(() => {
    const viewport = document.querySelector('.ag-header').getBoundingClientRect();
    const rows = [...document.querySelectorAll('.ag-center-cols-container .ag-row')].filter((r) => r.getBoundingClientRect().top >= viewport.bottom - 1);
    return Math.min(...rows.map((r) => Number(r.getAttribute('row-index'))));
  })()`) as Promise<number>;

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'clients-kept.db'), findMigrationsFolder());
  generateDemo(db, { clients: 400, purchases: 4000, seed: 8, asOf: toIsoDate(new Date()) });
  updateSettings(db, { onboarded: true });
  browser = await launchChromium();
  const app = await openApp(browser, createRouter(db, createHandlers({ version: 'e2e' })));
  page = app.page;
  calls = app.calls;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-clients-kept-${ctx.task.name.replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

describe('the clients grid kept across screens', () => {
  it('comes back with the same search and scroll, without asking main again, and is out of the page meanwhile', async () => {
    await page.goto(`${TEST_ORIGIN}/index.html#/clients`);
    await expect.poll(count).toBe('400 of 400 clients');
    // Searching a part of the code a hundred clients share (C000100 to C000199), then scrolling down the result.
    await page.getByRole('searchbox').fill('C0001');
    await expect.poll(count).toBe('100 of 400 clients');
    await page.locator('.ag-row[row-index="2"]').hover();
    await page.mouse.wheel(0, 1500);
    await expect.poll(topRowIndex).toBeGreaterThan(20);
    const top = await topRowIndex();
    const asked = gridCalls();
    expect(asked).toBeGreaterThan(0);

    await page.getByRole('link', { name: /Duplicates/ }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/Duplicate/);
    // Nothing of the grid is left in the page the user now sees.
    expect(await page.getByTestId('clients-grid').count()).toBe(0);
    expect(await page.getByTestId('clients-count').count()).toBe(0);

    await page.getByRole('link', { name: /Clients/ }).first().click();
    await expect.poll(count).toBe('100 of 400 clients');
    expect(await page.getByRole('searchbox').inputValue()).toBe('C0001');
    await expect.poll(topRowIndex).toBe(top);
    expect(gridCalls()).toBe(asked);
    expect(problems).toEqual([]);
  });

  it('a client renamed on its page is renamed in the grid on the way back, and not reloaded before', async () => {
    await page.getByRole('searchbox').fill('');
    await expect.poll(count).toBe('400 of 400 clients');
    const client = db.sqlite.prepare(`SELECT id, name FROM clients ORDER BY id LIMIT 1`).get() as { id: number; name: string };
    await page.goto(`${TEST_ORIGIN}/index.html#/clients/${client.id}`);
    await expect.poll(() => page.getByTestId('client-name').textContent()).toBe(client.name);
    const asked = gridCalls();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('dialog').locator('#field-name').fill('Zzyzx Kept Grid Kft.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('client-name').textContent()).toBe('Zzyzx Kept Grid Kft.');
    // The grid kept behind this page does not rebuild itself while the user is here.
    await page.waitForTimeout(300);
    expect(gridCalls()).toBe(asked);

    await page.getByRole('link', { name: /Clients/ }).first().click();
    await page.getByRole('searchbox').fill('Zzyzx');
    await expect.poll(count).toBe('1 of 400 clients');
    expect(await page.locator('.ag-row [col-id="name"]').first().textContent()).toBe('Zzyzx Kept Grid Kft.');
    expect(gridCalls()).toBeGreaterThan(asked);
    expect(problems).toEqual([]);
  });
});
