import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import type { Language } from '../../shared/i18n';
import { DEFAULT_LOCALE, defaultCalendar } from '../../shared/kernel/app-settings';
import { addMonths, toIsoDate } from '../../shared/kernel/dates';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * The clients grid's header names, whole at the columns' default widths in
 * the languages with the longest words: a long name wraps onto a second
 * line instead of ending in an ellipsis.
 */

let browser: Browser;
let db: Db;
let page: Page;
const problems: string[] = [];
const today = toIsoDate(new Date());

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'clients-headers.db'), findMigrationsFolder());
  const { call } = routerCalls(db);
  await call('app.startEmpty', {});
  const id = (await call<{ id: number }>('clients.create', { name: 'Orion Supply' })).id;
  await call('purchases.create', { clientId: id, date: addMonths(today, -2), quantity: 1, amount: 9500 });
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page = app.page;
  // Wide enough that ag-grid draws every column at once (it leaves columns out of view undrawn).
  await page.setViewportSize({ width: 3200, height: 900 });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-clients-headers-${ctx.task.name.replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

/**
 * Every visible header of the clients grid with whether its text is cut: wider
 * or taller than the room it has, or with a word too long for the line, which
 * a wrapping header would break in the middle ("Вероятнос-ть"; after a hyphen a
 * line may end).
 */
async function clippedHeaders(): Promise<{ text: string; clipped: boolean }[]> {
  return page.locator('[data-testid="clients-grid"] .ag-header-cell .ag-header-cell-text').evaluateAll((els) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    return els.map((el) => {
      const text = el.textContent ?? '';
      const style = getComputedStyle(el);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const widestWord = Math.max(0, ...text.split(/\s+|(?<=-)/).map((w) => ctx.measureText(w).width));
      return { text: `${text} (longest word ${Math.round(widestWord)} px, room ${el.clientWidth} px)`, clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 || widestWord > el.clientWidth + 1 };
    });
  });
}

describe('clients grid headers', () => {
  // Thai is left out: it writes no spaces between words, so a line may end anywhere in it.
  for (const lang of ['ru', 'hu', 'fr', 'lt', 'en'] as Language[]) {
    it(`no header is cut off in ${lang}`, async () => {
      const locale = DEFAULT_LOCALE[lang];
      await routerCalls(db).call('settings.update', { language: lang, locale, calendar: defaultCalendar(locale) });
      await page.goto(`${TEST_ORIGIN}/index.html#/clients`, { timeout: 45_000 });
      await page.reload();
      await page.locator('[data-testid="clients-grid"] .ag-row').first().waitFor({ timeout: 30_000 });
      const headers = await clippedHeaders();
      // Every column the grid shows by default is drawn, the extensions' too.
      expect(headers.length).toBeGreaterThanOrEqual(15);
      expect(headers.filter((h) => h.clipped).map((h) => h.text)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `clients-headers-${lang}.png`) });
    });
  }
  it('reported no errors', () => expect(problems).toEqual([]));
});
