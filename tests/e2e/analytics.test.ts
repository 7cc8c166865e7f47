import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { analyticsReport } from '../../electron/features/analytics/report';
import { whatIf } from '../../electron/features/analytics/what-if';
import { generateDemo } from '../../electron/features/settings/demo/generate';
import { updateSettings } from '../../electron/features/settings/service';
import { lastTwelveMonths } from '../../shared/features/analytics/period';
import { makeFormatters } from '../../shared/kernel/format';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
let db: Db;
let page: Page;
let dir: string;
const problems: string[] = [];
const fmt = makeFormatters('en-GB', 'EUR');
const today = new Date().toISOString().slice(0, 10);
const period = lastTwelveMonths(today);

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  dir = tempDirOutsideTest();
  db = openDatabase(join(dir, 'analytics.db'), findMigrationsFolder());
  generateDemo(db, { clients: 150, purchases: 6000, seed: 11, asOf: today });
  updateSettings(db, { onboarded: true });
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page = app.page;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(`${TEST_ORIGIN}/index.html#/analytics`);
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

describe('key accounts and dependency in Chromium, on demo data', () => {
  it('shows the Pareto headline and chart, the portfolio figures and the 35% client as "widen the base"', async () => {
    const expected = analyticsReport(db, { ...period, scope: { kind: 'company' } });
    const headline = `${fmt.percent(expected.pareto.shareOfClientsFor80)} of clients (${expected.pareto.clientsFor80} of ${expected.portfolio.clients}) make 80% of revenue`;
    await expect.poll(() => page.getByTestId('pareto-headline').textContent()).toBe(headline);
    await expect.poll(() => page.locator('[data-testid="pareto-chart"] canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('top1').textContent()).toBe(fmt.percent(expected.portfolio.top1Share));
    expect(expected.portfolio.top1Share).toBeGreaterThan(0.2);
    const top = expected.rows[0];
    const firstRow = page.locator('[data-testid="dependency-grid"] .ag-row[row-index="0"]');
    await expect.poll(() => firstRow.locator('[col-id="name"]').textContent()).toBe(top.name);
    expect(await firstRow.locator('[col-id="band"]').textContent()).toBe('Widen the base');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'analytics-01-overview.png'), fullPage: true });
  });

  it('what-if removes the biggest client and the figures change to what main computes', async () => {
    const top = analyticsReport(db, { ...period, scope: { kind: 'company' } }).rows[0];
    const expected = whatIf(db, { ...period, scope: { kind: 'company' }, clientIds: [top.id] });
    await page.getByLabel('Client to remove').selectOption(String(top.id));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.getByTestId('what-if-after').textContent()).toBe(
      `After: top client ${fmt.percent(expected.after.top1Share)}, HHI ${expected.after.hhi.toFixed(3)} (${expected.after.effectiveClients.toFixed(1)} effective clients)`,
    );
    expect(expected.after.top1Share).toBeLessThan(expected.before.top1Share);
    await page.getByTestId('what-if').screenshot({ path: join(SCREENSHOT_DIR, 'analytics-02-what-if.png') });
  });

  it('the Excel report downloads and reads back with the scenario in it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Excel report' }).click()]);
    expect(download.suggestedFilename()).toBe(`rapport-key-accounts-${period.to}.xlsx`);
    const file = join(dir, 'report.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toContain('What-if');
    const top = analyticsReport(db, { ...period, scope: { kind: 'company' } }).rows[0];
    expect(wb.getWorksheet('What-if')!.getCell('A1').value).toContain(top.name);
    expect(wb.getWorksheet('Dependency')!.getCell('A3').value).toBe(top.name);
  });

  it('a scope narrows every figure; no console errors or CSP violations', async () => {
    const managers = db.sqlite.prepare('SELECT id, name FROM managers ORDER BY id LIMIT 1').all() as { id: number; name: string }[];
    await page.getByLabel('Scope').selectOption(`manager:${managers[0].id}`);
    const expected = analyticsReport(db, { ...period, scope: { kind: 'manager', id: managers[0].id } });
    await expect.poll(() => page.getByTestId('top1').textContent()).toBe(fmt.percent(expected.portfolio.top1Share));
    await expect.poll(() => page.locator('[data-testid="key-accounts"] tbody tr').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
