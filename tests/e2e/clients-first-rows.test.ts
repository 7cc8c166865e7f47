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
import { collatorFor } from '../../shared/kernel/collate';
import { toIsoDate } from '../../shared/kernel/dates';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * The clients grid paints its first rows from a small first answer, in the
 * saved sort, while the whole grid is still on its way; the rest follows in
 * the same order, and other features' columns are asked for after it.
 */

let browser: Browser;
let db: Db;
let page: Page;
const asked: { channel: string; input: Record<string, unknown> }[] = [];
let releaseWhole: () => void = () => {};
const wholeHeld = new Promise<void>((resolve) => (releaseWhole = resolve));
const problems: string[] = [];

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'clients-first-rows.db'), findMigrationsFolder());
  generateDemo(db, { clients: 400, purchases: 6000, seed: 4, asOf: toIsoDate(new Date()) });
  const { call } = routerCalls(db);
  updateSettings(db, { onboarded: true });
  // The user left the grid sorted by name, Z first.
  await call('layouts.save', { key: 'clients', state: [{ colId: 'revenue12m', sort: null }, { colId: 'name', sort: 'desc', sortIndex: 0 }] });
  browser = await launchChromium();
  const router = createRouter(db, createHandlers({ version: 'e2e' }));
  const app = await openApp(browser, {
    // Holds the whole grid's answer back until the test lets it go, so the first rows can be seen alone.
    handle: async (channel, input) => {
      asked.push({ channel: String(channel), input: (input ?? {}) as Record<string, unknown> });
      if (channel === 'clients.grid' && !(input as { limit?: number }).limit) await wholeHeld;
      return router.handle(channel, input);
    },
  });
  page = app.page;
  // What the plain first table held when it came into the page, and whether the grid had drawn a row by then.
  await app.context.addInitScript({
    content: `window.__previews = [];
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid="grid-preview"]');
        if (!p || window.__previews.length) return;
        const texts = (r) => [...r.children].map((c) => c.textContent);
        window.__previews.push({
          gridRows: document.querySelectorAll('.ag-row').length,
          headers: texts(p.querySelector('.grid-preview-head')),
          rows: [...p.querySelectorAll('.grid-preview-row:not(.grid-preview-head)')].slice(0, 3).map(texts),
        });
      }).observe(document, { childList: true, subtree: true });`,
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-clients-first-rows-${ctx.task.name.replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  releaseWhole();
  await browser?.close();
  db?.sqlite.close();
});

describe('the clients grid first rows', () => {
  it('shows the first rows of the saved sort at once, says it is still loading, and keeps them first when every row is in', async () => {
    const names = (db.sqlite.prepare(`SELECT name FROM clients WHERE archived_at IS NULL`).all() as { name: string }[]).map((r) => r.name);
    const collator = collatorFor('en-GB');
    const expected = names.sort((a, b) => collator.compare(b, a)).slice(0, 3);
    await page.goto(`${TEST_ORIGIN}/index.html#/clients`);
    const firstNames = () => Promise.all([0, 1, 2].map((i) => page.locator(`[data-testid="clients-grid"] .ag-row[row-index="${i}"] [col-id="name"]`).first().textContent()));
    await page.locator('[data-testid="clients-grid"] .ag-row[row-index="2"] [col-id="name"]').first().waitFor();
    expect(await firstNames()).toEqual(expected);
    await expect.poll(() => page.getByTestId('clients-count').textContent()).toBe('Loading…');
    // Before the grid was built, the same rows as a plain table: the grid's columns in its order, the grid's texts.
    const [preview] = (await page.evaluate('window.__previews')) as { gridRows: number; headers: string[]; rows: string[][] }[];
    expect(preview.gridRows).toBe(0);
    const headers = await page.locator('[data-testid="clients-grid"] .ag-header-cell[aria-colindex]').evaluateAll((cells) =>
      cells.map((c) => ({ at: Number(c.getAttribute('aria-colindex')), id: c.getAttribute('col-id')!, text: c.querySelector('.ag-header-cell-text')?.textContent ?? '' })).sort((a, b) => a.at - b.at),
    );
    const shown = headers.slice(0, 6);
    // The saved layout names revenue first: pinned name, then the saved order, then the rest in their own.
    expect(shown.map((h) => h.id)).toEqual(['name', 'revenue12m', 'code', 'type', 'status', 'share12m']);
    expect(preview.headers.slice(0, 6)).toEqual(shown.map((h) => h.text));
    for (const [i, cells] of preview.rows.entries()) {
      const inGrid = await Promise.all(shown.map((h) => page.locator(`[data-testid="clients-grid"] .ag-row[row-index="${i}"] [col-id="${h.id}"]`).first().textContent()));
      expect(cells.slice(0, 6)).toEqual(inGrid);
    }
    expect(preview.rows.map((r) => r[0])).toEqual(expected);
    // Gone once the grid has drawn the rows.
    await expect.poll(() => page.getByTestId('grid-preview').count()).toBe(0);
    const grids = asked.filter((a) => a.channel === 'clients.grid');
    expect(grids.map((g) => g.input)).toEqual([
      { includeArchived: false, locale: 'en-GB', sort: 'saved', limit: 100 },
      { includeArchived: false, locale: 'en-GB', sort: { column: 'name', desc: true } },
    ]);
    // Other features' columns wait for the whole grid.
    expect(asked.map((a) => a.channel)).not.toContain('clients.standing');

    releaseWhole();
    await expect.poll(() => page.getByTestId('clients-count').textContent()).toBe(`${names.length} of ${names.length} clients`);
    expect(await firstNames()).toEqual(expected);
    await expect.poll(() => asked.map((a) => a.channel)).toContain('clients.standing');
    expect(asked.findIndex((a) => a.channel === 'clients.standing')).toBeGreaterThan(asked.findIndex((a) => a.channel === 'clients.grid' && !a.input.limit));
    await page.locator('.ag-header-cell[col-id="name"][aria-sort="descending"]').waitFor();
    // The code and name ranks come once every row is in, and a sort by code uses them: the order is the texts' own.
    await expect.poll(() => asked.filter((a) => a.channel === 'clients.gridRanks').map((a) => a.input)).toEqual([{ includeArchived: false, locale: 'en-GB' }]);
    expect(asked.findIndex((a) => a.channel === 'clients.gridRanks')).toBeGreaterThan(asked.findIndex((a) => a.channel === 'clients.grid' && !a.input.limit));
    const codes = (db.sqlite.prepare(`SELECT code FROM clients WHERE archived_at IS NULL AND code <> ''`).all() as { code: string }[]).map((r) => r.code);
    await page.locator('.ag-header-cell[col-id="code"] .ag-header-cell-label').click();
    await page.locator('.ag-header-cell[col-id="code"][aria-sort="ascending"]').waitFor();
    const firstCodes = () => Promise.all([0, 1, 2].map((i) => page.locator(`[data-testid="clients-grid"] .ag-row[row-index="${i}"] [col-id="code"]`).first().textContent()));
    expect(await firstCodes()).toEqual(codes.sort((a, b) => collator.compare(a, b)).slice(0, 3));
    expect(problems).toEqual([]);
  });
});
