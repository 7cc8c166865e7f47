import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { ensureDefaultClientTypes } from '../../electron/features/accounts/client-types';
import { addMonths, toIsoDate } from '../../shared/kernel/dates';
import { makeFormatters } from '../../shared/kernel/format';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
let db: Db;
let page: Page;
let orion: number;
let small: number;
const problems: string[] = [];
const fmt = makeFormatters('en-GB', 'EUR');
const today = toIsoDate(new Date());
const monthsAgo = (n: number) => addMonths(today, -n);
/** How the page's Intl writes the chart's first month and two axis amounts in a locale. */
const localeTexts = (locale: string, currency: string) =>
  page.evaluate(
    ([l, c, m]) => {
      const axis = new Intl.NumberFormat(l, { style: 'currency', currency: c, notation: 'compact', maximumFractionDigits: 1 });
      return { month: new Intl.DateTimeFormat(l, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`)), axis4000: axis.format(4000), axisMinus2000: axis.format(-2000) };
    },
    [locale, currency, monthsAgo(7).slice(0, 7)] as const,
  );
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  db = openDatabase(join(tempDirOutsideTest(), 'client-page.db'), findMigrationsFolder());
  ensureDefaultClientTypes(db);
  const { call } = routerCalls(db);
  await call('app.startEmpty', {});
  orion = (await call<{ id: number }>('clients.create', { name: 'Orion Supply Kft.', reputation: true })).id;
  small = (await call<{ id: number }>('clients.create', { name: 'Kristály Üveg Bt.' })).id;
  const line = (clientId: number, date: string, product: string, quantity: number, amount: number) => call('purchases.create', { clientId, date, product, quantity, amount });
  await line(orion, monthsAgo(7), 'Cordless drill', 2, 4200);
  await line(orion, monthsAgo(7), 'Screws 4x40 (box)', 10, 300);
  await line(orion, monthsAgo(3), 'Cordless drill', 1, 2100);
  await line(orion, monthsAgo(1), 'Cordless drill', -1, -2100);
  await line(orion, today, 'Paint 10 L', 4, 500);
  await line(small, monthsAgo(2), 'Paint 10 L', 1, 400);
  const anna = (await call<{ id: number }>('contacts.create', { clientId: orion, name: 'Anna Kovács', level: 'owner' })).id;
  await call('interactions.create', {
    clientId: orion, contactId: anna, kind: 'visit', date: monthsAgo(1),
    summary: 'Presented the new product line to the owner and the head of purchasing; they want samples of the premium paint range before the spring season and a price for 200 boxes of screws',
  });
  await call('tasks.create', { clientId: orion, title: 'Send the premium paint samples', dueDate: addMonths(today, 1) });
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page = app.page;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(`${TEST_ORIGIN}/index.html#/clients/${orion}`);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(`failed-client-page-${ctx.task.name.replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

describe('the client page tells the story', () => {
  it('shows lifetime revenue, the last purchase in days, the last contact, the next task, and the class, band and key-account badges', async () => {
    await expect.poll(() => page.getByTestId('lifetime-revenue').textContent()).toBe(fmt.money(5000));
    expect(await page.getByTestId('lifetime-detail').textContent()).toBe(`5 purchase lines on 4 purchase days · since ${fmt.date(monthsAgo(7))}`);
    expect(await page.getByTestId('days-since').textContent()).toBe('today');
    expect(await page.getByTestId('last-contact').textContent()).toBe(`${fmt.date(monthsAgo(1))} · Visit`);
    expect(await page.getByTestId('next-task').textContent()).toBe('Send the premium paint samples');
    expect(await page.getByTestId('abc-badge').textContent()).toBe('Class A');
    // 5,000 of 5,400: far past the 50% line.
    expect(await page.getByTestId('band-badge').textContent()).toBe(`Critical dependency · ${fmt.percent(5000 / 5400)}`);
    expect(await page.getByTestId('key-badge').textContent()).toBe(`Key account: ${fmt.percent(5000 / 5400)} of company revenue, for its reputation`);
    expect(await page.getByTestId('client-story').textContent()).not.toContain('— days');
    await shot('client-page-story');
  });

  it('draws revenue by month with its axes in the user\'s locale, and by year', async () => {
    const chart = page.getByTestId('revenue-chart');
    await expect.poll(() => chart.getAttribute('data-points')).toBe('8');
    // Expected texts come from the page's own Intl (its ICU may word "Sept" or "4k" unlike Node's).
    const intl = await localeTexts('en-GB', 'EUR');
    await expect.poll(() => chart.locator('svg text').allTextContents()).toContain(intl.month);
    const texts = await chart.locator('svg text').allTextContents();
    expect(texts).toContain(intl.axis4000);
    expect(texts).toContain(intl.axisMinus2000);
    await page.getByRole('button', { name: 'By year' }).click();
    await expect.poll(() => chart.getAttribute('data-by')).toBe('year');
    const years = new Set([monthsAgo(7).slice(0, 4), today.slice(0, 4)]).size;
    expect(await chart.getAttribute('data-points')).toBe(String(years));
    // The product mix: drills first, with their share of lifetime revenue.
    const firstRow = page.getByTestId('product-mix').locator('tbody tr').first();
    expect(await firstRow.locator('td').allTextContents()).toEqual(['Cordless drill', fmt.money(4200), fmt.percent(4200 / 5000), '3']);
  });

  it('speaks Hungarian numbers and months on the chart after the locale changes', async () => {
    await routerCalls(db).call('settings.update', { locale: 'hu-HU', currency: 'HUF' });
    await page.reload();
    const chart = page.getByTestId('revenue-chart');
    await expect.poll(() => chart.getAttribute('data-points')).toBe('8');
    const intl = await localeTexts('hu-HU', 'HUF');
    await expect.poll(() => chart.locator('svg text').allTextContents()).toContain(intl.month);
    expect(await chart.locator('svg text').allTextContents()).toContain(intl.axis4000);
    await expect.poll(() => page.getByTestId('lifetime-revenue').textContent()).toBe(makeFormatters('hu-HU', 'HUF').money(5000));
    await routerCalls(db).call('settings.update', { locale: 'en-GB', currency: 'EUR' });
    await page.reload();
    await expect.poll(() => page.getByTestId('lifetime-revenue').textContent()).toBe(fmt.money(5000));
  });

  it('the purchases tab counts lines and shows a totals row', async () => {
    await page.getByRole('tab', { name: 'Purchases' }).click();
    await expect.poll(() => page.getByTestId('count-purchases').textContent()).toBe('5 lines');
    const pinned = page.getByTestId('grid-purchases').locator('.ag-row-pinned');
    await expect.poll(() => pinned.locator('[col-id="date"]').textContent()).toBe('Total, 5 lines');
    expect(await pinned.locator('[col-id="amount"]').textContent()).toBe(fmt.money(5000));
    // Quantities of different products do not add up.
    expect(await pinned.locator('[col-id="quantity"]').textContent()).toBe('');
    // The totals row opens nothing.
    await pinned.locator('[col-id="amount"]').dblclick();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await shot('client-page-purchases-totals');
  });

  it('the interactions tab shows a long summary whole, and says "1 interaction"', async () => {
    await page.getByRole('tab', { name: 'Interactions' }).click();
    await expect.poll(() => page.getByTestId('count-interactions').textContent()).toBe('1 interaction');
    const cell = page.getByTestId('grid-interactions').locator('.ag-row:not(.ag-row-pinned) [col-id="summary"]').first();
    await expect.poll(() => cell.textContent()).toContain('price for 200 boxes of screws');
    // Wrapped, not cut: the text fits inside its cell.
    const fits = await cell.evaluate((el) => {
      const inner = (el.querySelector('.ag-cell-value') ?? el) as HTMLElement;
      return inner.scrollWidth <= inner.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1 && el.clientHeight > 40;
    });
    expect(fits).toBe(true);
    await shot('client-page-interactions');
  });

  it('a task is ticked done in one click, and the next task follows', async () => {
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await expect.poll(() => page.getByTestId('count-tasks').textContent()).toBe('1 task');
    const task = db.sqlite.prepare(`SELECT id FROM tasks`).get() as { id: number };
    await page.getByRole('checkbox', { name: 'Mark “Send the premium paint samples” done' }).click();
    await expect.poll(() => (db.sqlite.prepare(`SELECT done_at AS d FROM tasks WHERE id = ?`).get(task.id) as { d: string | null }).d).toBe(today);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Mark “Send the premium paint samples” not done' }).isChecked()).toBe(true);
    const pinned = page.getByTestId('grid-tasks').locator('.ag-row-pinned');
    await expect.poll(() => pinned.locator('[col-id="dueDate"]').textContent()).toBe('Total, 1 task (0 open)');
    await page.getByRole('tab', { name: 'Portrait' }).click();
    await expect.poll(() => page.getByTestId('next-task').textContent()).toBe('No open task');
  });

  it('a client without purchases says so instead of "— days"', async () => {
    const quiet = (await routerCalls(db).call<{ id: number }>('clients.create', { name: 'Quiet Ltd' })).id;
    await page.goto(`${TEST_ORIGIN}/index.html#/clients/${quiet}`);
    await expect.poll(() => page.getByTestId('client-name').textContent()).toBe('Quiet Ltd');
    await expect.poll(() => page.getByTestId('client-story').textContent()).toContain('No purchases yet');
    expect(await page.getByTestId('client-story').textContent()).not.toMatch(/—\s*days/);
    expect(await page.getByTestId('abc-badge').textContent()).toBe('No ABC class: no revenue in the last 12 months');
    expect(await page.getByTestId('days-since').count()).toBe(0);
    expect(problems).toEqual([]);
    void small;
  });
});
