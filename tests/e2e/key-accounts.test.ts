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
import { BAND_COLOURS } from '../../shared/features/analytics/charts';
import { lastTwelveMonths } from '../../shared/features/analytics/period';
import type { AnalyticsSettings } from '../../shared/features/analytics/settings';
import { makeFormatters } from '../../shared/kernel/format';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * The key-accounts screen as a first-time owner reads it: the largest client
 * named and coloured by its band with what to do, HHI as a number of equal
 * clients, the thresholds form (a save changes the figures, a bad value is
 * named and saves nothing). Figures are compared with what main computes.
 */

let browser: Browser;
let db: Db;
let page: Page;
const problems: string[] = [];
const fmt = makeFormatters('en-GB', 'EUR');
const today = new Date().toISOString().slice(0, 10);
const period = lastTwelveMonths(today);
const company = { ...period, scope: { kind: 'company' as const } };

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const fixed = (n: number, digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  db = openDatabase(join(tempDirOutsideTest(), 'key-accounts.db'), findMigrationsFolder());
  generateDemo(db, { clients: 150, purchases: 6000, seed: 11, asOf: today });
  updateSettings(db, { onboarded: true });
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page = app.page;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  // A 7 MB bundle on a busy shared machine can take longer than the default 10 s to load.
  await page.goto(`${TEST_ORIGIN}/index.html#/analytics`, { timeout: 45_000 });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

const tile = () => page.getByTestId('risk-tile');

describe('the risk tile', () => {
  it('names the top client, takes its band colour and says what it means and what to do', async () => {
    const r = analyticsReport(db, company);
    const top = r.rows[0];
    expect(top.band).toBe('widen');
    await expect.poll(() => page.getByTestId('top-client-name').textContent()).toBe(top.name);
    expect(await tile().getAttribute('data-band')).toBe('widen');
    expect(await tile().evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe(rgb(BAND_COLOURS.widen));
    expect(await page.getByTestId('risk-band').textContent()).toBe('Widen the base');
    expect(await page.getByTestId('risk-advice').textContent()).toBe(
      `${top.name} brings ${fmt.percent(top.share)} of revenue: losing it would cut revenue by ${fmt.money(top.revenue)}. Widen the base: win more clients of this size.`,
    );
    expect(await page.getByTestId('top-client-name').getAttribute('href')).toBe(`#/clients/${top.id}`);
    // HHI in the locale with three decimals, and what it means.
    expect(await page.getByTestId('hhi').textContent()).toBe(fixed(r.portfolio.hhi, 3));
    expect(await page.getByTestId('effective').textContent()).toBe(`The base behaves like ${fmt.number(r.portfolio.effectiveClients, 1)} equal clients`);
    await tile().screenshot({ path: join(SCREENSHOT_DIR, 'key-accounts-01-risk-tile.png') });
  });

  it('"What if it leaves?" puts the client into the what-if', async () => {
    const top = analyticsReport(db, company).rows[0];
    await tile().getByRole('button', { name: 'What if it leaves?' }).click();
    await expect.poll(() => page.getByTestId('what-if').getByRole('button', { name: `Remove ${top.name}` }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('what-if-result').isVisible()).toBe(true);
    await page.getByTestId('what-if').getByRole('button', { name: `Remove ${top.name}` }).click();
  });
});

describe('the thresholds form', () => {
  const saved = () => routerCalls(db).call<AnalyticsSettings>('analytics.settings', {});
  const field = (label: string) => page.getByTestId('thresholds-form').getByLabel(label, { exact: true });

  it('shows the settings in percent; a bad value is named, shown under its field, and nothing is saved', async () => {
    const before = await saved();
    await page.getByTestId('thresholds').locator('summary').click();
    await expect.poll(() => field('Class A up to (% of revenue)').inputValue()).toBe('80');
    expect(await field('Dangerous from (%)').inputValue()).toBe('40');
    expect(await field('Key accounts one manager can carry').inputValue()).toBe('3');

    await field('Class A up to (% of revenue)').fill('120');
    await field('Key accounts one manager can carry').fill('three');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    const list = page.getByTestId('thresholds-problems');
    await expect.poll(() => list.locator('li').allTextContents()).toEqual([
      'Class A up to (% of revenue): The share must be below 100%',
      'Key accounts one manager can carry: Enter a number',
    ]);
    expect(await list.locator('p').first().textContent()).toBe('Nothing was saved. Fix these first:');
    expect(await page.locator('[id="field-classA-error"]').textContent()).toBe('The share must be below 100%');
    expect(await page.locator('[id="field-kamMaxAccounts-error"]').textContent()).toBe('Enter a number');
    // What was typed stays, and the database holds what it held.
    expect(await field('Class A up to (% of revenue)').inputValue()).toBe('120');
    expect(await saved()).toEqual(before);

    // Bands out of order: the message names the bands.
    await field('Class A up to (% of revenue)').fill('80');
    await field('Key accounts one manager can carry').fill('3');
    await field('Dangerous from (%)').fill('15');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => list.locator('li').allTextContents()).toEqual(['Risk bands: Each band must start above the previous one']);
    expect(await saved()).toEqual(before);
    await page.getByTestId('thresholds').screenshot({ path: join(SCREENSHOT_DIR, 'key-accounts-02-thresholds-errors.png') });
  });

  it('a save changes the figures: the top client turns "dangerous" and the ABC counts follow the new limit', async () => {
    await field('Class A up to (% of revenue)').fill('60');
    await field('Dangerous from (%)').fill('30');
    await field('Key accounts one manager can carry').fill('2');
    await field('Flagged clients treated as key, per manager').fill('5');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => page.getByTestId('thresholds-saved').textContent()).toBe('Saved: the figures now use these thresholds.');
    expect(await saved()).toMatchObject({ classA: 0.6, bands: [0.1, 0.2, 0.3, 0.5], kamMaxAccounts: 2, keyPerManager: 5 });

    const r = analyticsReport(db, company);
    expect(r.rows[0].band).toBe('danger');
    await expect.poll(() => tile().getAttribute('data-band')).toBe('danger');
    expect(await tile().evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe(rgb(BAND_COLOURS.danger));
    expect(await page.getByTestId('risk-band').textContent()).toBe('Danger');
    await expect.poll(() => page.getByTestId('abc-counts').textContent()).toBe(`A ${r.abc.counts.A} · B ${r.abc.counts.B} · C ${r.abc.counts.C}`);
    await expect.poll(() => page.getByTestId('kam-panel').locator('.muted').first().textContent()).toBe('One manager should not carry more than 2 key accounts.');
    await tile().screenshot({ path: join(SCREENSHOT_DIR, 'key-accounts-03-risk-tile-danger.png') });
  });

  it('"Back to the defaults" fills the defaults, and saving them restores the figures', async () => {
    await page.getByRole('button', { name: 'Back to the defaults' }).click();
    expect(await field('Class A up to (% of revenue)').inputValue()).toBe('80');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => tile().getAttribute('data-band')).toBe('widen');
    expect(await saved()).toMatchObject({ classA: 0.8, bands: [0.1, 0.2, 0.4, 0.5], kamMaxAccounts: 3, keyPerManager: 3 });
  });

  it('no console errors or CSP violations on the way', () => {
    expect(problems).toEqual([]);
  });
});
