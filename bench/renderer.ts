/**
 * The clients grid in real Chromium over a large base: time until the rows
 * show, a quick-search keystroke, and a sort. Needs `npm run build` and
 * Debian's chromium. Called by bench/index.ts with the database it made.
 */
import { existsSync } from 'node:fs';
import type { Db } from '../electron/db/connection';
import { createHandlers } from '../electron/app';
import { createRouter } from '../electron/router';
import { updateSettings } from '../electron/features/settings/service';
import { launchChromium, openApp, RENDERER_DIR, TEST_ORIGIN } from '../tests/helpers/browser';

export async function benchRenderer(db: Db, expectedRows: number): Promise<string[]> {
  if (!existsSync(`${RENDERER_DIR}/index.html`)) return ['renderer             skipped: run `npm run build` first'];
  updateSettings(db, { onboarded: true });
  const browser = await launchChromium();
  try {
    const { page } = await openApp(browser, createRouter(db, createHandlers({ version: 'bench' })));
    let t = performance.now();
    await page.goto(`${TEST_ORIGIN}/index.html#/clients`);
    const counter = (re: RegExp) => page.getByTestId('clients-count').filter({ hasText: re }).waitFor({ timeout: 120_000 });
    await counter(new RegExp(`^${expectedRows} of ${expectedRows} `));
    await page.locator('.ag-row[row-index="0"]').waitFor();
    const firstShow = performance.now() - t;
    // Split the wait: the call (router + this harness's transport) and what the page did with the rows.
    const [call, render] = await page.evaluate(() => {
      const m = performance.getEntriesByName('api clients.list').at(-1)!;
      return [m.duration, performance.now() - (m.startTime + m.duration)];
    });
    t = performance.now();
    await page.getByRole('searchbox').fill('C000001');
    await counter(/^1 of /);
    const search = performance.now() - t;
    await page.getByRole('searchbox').fill('');
    await counter(new RegExp(`^${expectedRows} of `));
    t = performance.now();
    await page.locator('.ag-header-cell[col-id="code"] .ag-header-cell-label').click();
    await page.locator('.ag-header-cell[col-id="code"][aria-sort="ascending"]').waitFor();
    await page.locator('.ag-row[row-index="0"] [col-id="code"]', { hasText: 'C000001' }).waitFor();
    const sort = performance.now() - t;
    const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
    const n = expectedRows.toLocaleString('en-US');
    return [
      `renderer (Chromium ${browser.version()}, ${n} rows):`,
      `  grid shown          ${ms(firstShow)} after navigation; of which clients.list ${ms(call)} (router + Playwright binding: CDP JSON, far slower than Electron's structured clone above)`,
      `  rows into ag-grid   ${ms(render)} from data received to first row painted`,
      `  quick search        ${ms(search)}, sort by code ${ms(sort)}`,
    ];
  } finally {
    await browser.close();
  }
}
