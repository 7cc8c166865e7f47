import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { analyticsReport } from '../../electron/features/analytics/report';
import { generateDemo } from '../../electron/features/settings/demo/generate';
import { updateSettings } from '../../electron/features/settings/service';
import { lastTwelveMonths } from '../../shared/features/analytics/period';
import type { AccountsReport } from '../../shared/features/analytics/types';
import { addDays } from '../../shared/kernel/dates';
import { makeFormatters } from '../../shared/kernel/format';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * The lower half of the key-accounts screen as real tables (headers, sorting,
 * export) with their charts, the Pareto curve over every client, the trend
 * without the month that is not over, and what an empty base says.
 */

let browser: Browser;
let db: Db;
let page: Page;
const problems: string[] = [];
const fmt = makeFormatters('en-GB', 'EUR');
const today = new Date().toISOString().slice(0, 10);
const period = lastTwelveMonths(today);
const company = { ...period, scope: { kind: 'company' as const } };

const watch = (p: Page) => {
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  p.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
};
const appFor = async (base: Db) => {
  const app = await openApp(browser, (emit) => createRouter(base, createHandlers({ version: 'e2e', platform: { emit } })));
  watch(app.page);
  return app;
};

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  db = openDatabase(join(tempDirOutsideTest(), 'analytics-screens.db'), findMigrationsFolder());
  generateDemo(db, { clients: 150, purchases: 6000, seed: 11, asOf: today });
  updateSettings(db, { onboarded: true });
  browser = await launchChromium();
  page = (await appFor(db)).page;
  // A 7 MB bundle on a busy shared machine can take longer than the default 10 s to load.
  await page.goto(`${TEST_ORIGIN}/index.html#/analytics`, { timeout: 45_000 });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

/** The text of one column's cell in the first displayed row of a grid. */
const firstCell = (grid: string, col: string) => page.locator(`[data-testid="${grid}"] .ag-row[row-index="0"] [col-id="${col}"]`).textContent();
const sortBy = (grid: string, col: string) => page.locator(`[data-testid="${grid}"] .ag-header-cell[col-id="${col}"] .ag-header-cell-label`).click();
const header = (grid: string) => page.locator(`[data-testid="${grid}"] .ag-header-cell-text`).allTextContents();

describe('the panels are tables with headers, sorting and export', () => {
  let accounts: AccountsReport;
  beforeAll(async () => {
    accounts = await routerCalls(db).call<AccountsReport>('analytics.accounts', company);
    expect(accounts.kam.length).toBeGreaterThan(1);
    expect(accounts.breadth.length).toBeGreaterThan(1);
    expect(accounts.wallet.length).toBeGreaterThan(1);
  });

  it('KAM workload: one row per manager with the limit, sortable by share', async () => {
    await expect.poll(() => header('kam')).toEqual(['Manager', 'Key accounts', 'Share of company revenue', 'Workload', 'Their key accounts']);
    await expect.poll(() => page.locator('[data-testid="kam"] .ag-row').count()).toBe(accounts.kam.length);
    expect(await firstCell('kam', 'keyAccounts')).toBe(String(Math.max(...accounts.kam.map((k) => k.keyAccounts))));
    await sortBy('kam', 'keyRevenueShare');
    await expect.poll(() => firstCell('kam', 'keyRevenueShare')).toBe(fmt.percent(Math.min(...accounts.kam.map((k) => k.keyRevenueShare))));
    await sortBy('kam', 'keyRevenueShare');
    await expect.poll(() => firstCell('kam', 'keyRevenueShare')).toBe(fmt.percent(Math.max(...accounts.kam.map((k) => k.keyRevenueShare))));
    const over = accounts.kam.filter((k) => k.overLimit).length;
    await expect.poll(() => page.locator('[data-testid="kam"] [col-id="overLimit"]', { hasText: 'over the limit of 3' }).count()).toBe(over);
    await expect.poll(() => page.locator('[data-testid="kam-chart"] canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('kam-panel').getByRole('button', { name: 'Export to Excel' }).count()).toBe(1);
  });

  it('relationship breadth: contacts, levels known, one person only, sortable by contacts', async () => {
    expect(await header('breadth')).toEqual(['Client', 'Contacts', 'Levels known (of 5)', 'Levels with nobody known', 'One person only', 'Quiet for 90+ days']);
    await sortBy('breadth', 'contacts');
    await expect.poll(() => firstCell('breadth', 'contacts')).toBe(String(Math.min(...accounts.breadth.map((b) => b.contacts))));
    await sortBy('breadth', 'contacts');
    await expect.poll(() => firstCell('breadth', 'contacts')).toBe(String(Math.max(...accounts.breadth.map((b) => b.contacts))));
  });

  it('share of wallet: the largest gap first, sortable by revenue, with the gap bars', async () => {
    expect(await header('wallet')).toEqual(['Client', 'Revenue', 'Potential', 'Our share of wallet', 'Gap']);
    expect(await firstCell('wallet', 'name')).toBe(accounts.wallet[0].name);
    expect(await firstCell('wallet', 'gap')).toBe(fmt.money(accounts.wallet[0].gap));
    await sortBy('wallet', 'revenue');
    await expect.poll(() => firstCell('wallet', 'revenue')).toBe(fmt.money(Math.min(...accounts.wallet.map((w) => w.revenue))));
    await expect.poll(() => page.locator('[data-testid="wallet-chart"] canvas').count()).toBeGreaterThan(0);
    await page.getByTestId('wallet-panel').screenshot({ path: join(SCREENSHOT_DIR, 'analytics-screens-01-wallet.png') });
  });
});

describe('charts', () => {
  it('the Pareto curve covers every client and the bars only the largest', async () => {
    const r = analyticsReport(db, company);
    await expect.poll(() => page.locator('[data-testid="pareto-chart"] canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="pareto-top-chart"] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.pareto-charts figcaption').allTextContents()).toEqual([
      'Cumulative share of revenue over all clients',
      `The ${Math.min(20, r.rows.length)} largest clients`,
    ]);
    await page.locator('.pareto-charts').screenshot({ path: join(SCREENSHOT_DIR, 'analytics-screens-02-pareto.png') });
  });

  it('the trend leaves out the month that is not over and says so', async () => {
    const monthOver = addDays(period.to, 1).slice(0, 7) !== period.to.slice(0, 7);
    await expect.poll(() => page.locator('[data-testid="trend-chart"] canvas').count()).toBeGreaterThan(0);
    if (monthOver) {
      expect(await page.getByTestId('trend-partial').count()).toBe(0);
    } else {
      const month = new Intl.DateTimeFormat('en-GB-u-ca-gregory', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${today.slice(0, 7)}-01T00:00:00Z`));
      expect(await page.getByTestId('trend-partial').textContent()).toBe(
        `${month} is left out: the period ends on ${fmt.date(today)}, before the month is over, and a few days of sales would show as a spike.`,
      );
    }
  });

  it('the period is typed in the locale’s order; a date that does not read is named and changes nothing', async () => {
    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    expect(await from.inputValue()).toBe(new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' }).format(new Date(`${period.from}T00:00:00Z`)));
    const headline = await page.getByTestId('pareto-headline').textContent();
    await from.fill('31/02/2026');
    await from.press('Enter');
    await expect.poll(() => page.locator('#period-error').textContent()).toBe('Type a date like 31/12/2026');
    expect(await page.getByTestId('pareto-headline').textContent()).toBe(headline);
    // Six months ending today: the figures follow.
    const half = { from: addDays(period.to, -182), to: period.to };
    await from.fill(new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' }).format(new Date(`${half.from}T00:00:00Z`)));
    await to.focus();
    const r = analyticsReport(db, { ...half, scope: { kind: 'company' } });
    await expect.poll(() => page.getByTestId('pareto-headline').textContent()).toBe(
      `${fmt.percent(r.pareto.shareOfClientsFor80)} of clients (${r.pareto.clientsFor80} of ${r.portfolio.clients}) make 80% of revenue`,
    );
    expect(await page.locator('#period-error').count()).toBe(0);
  });

  it('no console errors or CSP violations on the demo base', () => {
    expect(problems).toEqual([]);
  });
});

describe('an empty base says how to begin', () => {
  it('with no clients: what the figures come from and where to start', async () => {
    const empty = openDatabase(join(tempDirOutsideTest(), 'analytics-empty.db'), findMigrationsFolder());
    try {
      updateSettings(empty, { onboarded: true });
      const { page: p, context } = await appFor(empty);
      await p.goto(`${TEST_ORIGIN}/index.html#/analytics`, { timeout: 45_000 });
      const box = p.getByTestId('analytics-empty');
      await expect.poll(() => box.locator('h2').textContent()).toBe('Nothing to analyse yet');
      expect(await box.locator('p').first().textContent()).toBe(
        'Key accounts are worked out from your clients and what they buy. To begin, import your client list and your sales lines from Excel, or add clients and record their purchases on each client’s page.',
      );
      expect(await box.getByRole('link', { name: 'Import from Excel' }).getAttribute('href')).toBe('#/import');
      expect(await box.getByRole('link', { name: 'Go to the clients' }).getAttribute('href')).toBe('#/clients');
      // Nothing meaningless around it: no tiles, charts or download.
      expect(await p.getByTestId('risk-tile').count()).toBe(0);
      expect(await p.getByRole('button', { name: 'Download Excel report' }).count()).toBe(0);
      await p.screenshot({ path: join(SCREENSHOT_DIR, 'analytics-screens-03-empty.png') });

      // One client, no purchases: the period says so and where the figures come from.
      await routerCalls(empty).call('clients.create', { name: 'First Client SARL' });
      await p.reload({ timeout: 45_000 });
      await expect.poll(() => box.locator('h2').textContent()).toBe('No revenue in this period for this scope.');
      expect(await box.locator('p').first().textContent()).toBe(
        `No purchases between ${fmt.date(period.from)} and ${fmt.date(period.to)} in this scope. The figures come from purchase lines: import your sales from Excel, record purchases on a client’s page, or choose a longer period.`,
      );
      await context.close();
    } finally {
      empty.sqlite.close();
    }
    expect(problems).toEqual([]);
  });
});
