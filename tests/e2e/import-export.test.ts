import { WORKER_FILE } from '../helpers/paths';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { workerTaskRunner } from '../../electron/jobs/worker-runner';
import { createRouter } from '../../electron/router';
import { updateSettings } from '../../electron/features/settings/service';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN, type AppPage } from '../helpers/browser';
import { writeCsv } from '../helpers/fixtures';
import { tempDirOutsideTest } from '../helpers/tmp';

const WORKER = WORKER_FILE;
let browser: Browser;
let db: Db;
let app: AppPage;
let dir: string;
const errors: string[] = [];

beforeAll(async () => {
  dir = tempDirOutsideTest();
  db = openDatabase(join(dir, 'import.db'), findMigrationsFolder());
  updateSettings(db, { onboarded: true, locale: 'hu-HU', currency: 'HUF' } as never);
  const file = writeCsv(
    dir,
    'szamlak-marcius.csv',
    [
      'Partner;Kelt;Számlaszám;Nettó összeg;Megjegyzés',
      'Kovács Bt;2024.03.01.;SZ-1;12 500,00;tavaszi rendelés',
      'Nagy és Társa Kft;2024.03.02.;SZ-2;1 234,50;',
      'Kovács Bt;2024.02.31.;SZ-3;100,00;elírt dátum',
      'Tóth Kft;2024.03.05.;SZ-4;-2 000,00;jóváírás',
    ].join('\r\n'),
    { encoding: 'windows-1250' },
  );
  browser = await launchChromium();
  app = await openApp(browser, (emit) =>
    createRouter(db, createHandlers({
      version: 'e2e',
      runTask: workerTaskRunner(WORKER),
      platform: { emit, chooseImportFile: async () => file, chooseSavePath: async (name) => join(dir, name) },
    })));
  app.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  app.page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

it('the wizard: pick a legacy-encoded file, fix a mapping, see the rejected row, confirm, find the clients in the grid', async () => {
  const { page } = app;
  await page.goto(`${TEST_ORIGIN}/index.html#/import`, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await expect.poll(() => page.getByTestId('import-file').textContent()).toBe('szamlak-marcius.csv');
  await expect.poll(() => page.getByTestId('legacy-warning').textContent()).toContain('windows-1250');
  // Guessed from Hungarian headers; the remark column is not guessed and the user maps it.
  expect(await page.getByLabel('Becomes: Partner').inputValue()).toBe('client');
  expect(await page.getByLabel('Becomes: Kelt').inputValue()).toBe('date');
  expect(await page.getByLabel('Becomes: Nettó összeg').inputValue()).toBe('amount');
  expect(await page.getByLabel('Becomes: Megjegyzés').inputValue()).toBe('');
  await page.getByLabel('Becomes: Megjegyzés').selectOption('description');
  await expect.poll(() => page.getByTestId('preview-table').locator('tr[data-line="2"] td').nth(6).textContent()).toBe('tavaszi rendelés');
  // The impossible date is marked on its cell and summarised by line.
  const bad = page.getByTestId('preview-table').locator('tr[data-line="4"]');
  expect(await bad.locator('td').nth(1).textContent()).toBe('Rejected');
  expect(await bad.locator('td.cell-problem').textContent()).toBe('"2024.02.31." is not a date');
  expect(await page.getByTestId('reject-reasons').textContent()).toBe('1 × Kelt: value is not a date (lines 4)');
  expect(await page.getByTestId('summary-add').textContent()).toBe('To add: 3');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-wizard.png'), fullPage: true });
  await page.getByTestId('import-confirm').click();
  await expect.poll(() => page.getByTestId('import-result').locator('p').first().textContent()).toBe('Import #1 done: 3 added, 0 updated, 1 rejected.');
  expect(db.sqlite.prepare(`SELECT c.name, p.date, p.amount, p.description FROM purchases p JOIN clients c ON c.id = p.client_id ORDER BY p.id`).all()).toEqual([
    { name: 'Kovács Bt', date: '2024-03-01', amount: 12500, description: 'tavaszi rendelés' },
    { name: 'Nagy és Társa Kft', date: '2024-03-02', amount: 1234.5, description: null },
    { name: 'Tóth Kft', date: '2024-03-05', amount: -2000, description: 'jóváírás' },
  ]);
  await page.getByRole('button', { name: 'Open the clients' }).click();
  await expect.poll(() => page.getByTestId('clients-count').textContent(), { timeout: 30_000 }).toMatch(/^3 /);
  await expect.poll(() => page.getByTestId('clients-grid').locator('.ag-row [col-id="name"]').allTextContents().then((t) => t.sort())).toEqual(['Kovács Bt', 'Nagy és Társa Kft', 'Tóth Kft']);
});

it('an import can be undone from the history: the plan names what stays, a client renamed since is kept', async () => {
  const { page } = app;
  // Someone renamed one of the imported clients after the import.
  db.sqlite.prepare(`UPDATE clients SET name = 'Tóth és Fia Kft', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second') WHERE name = 'Tóth Kft'`).run();
  await page.goto(`${TEST_ORIGIN}/index.html#/import`, { timeout: 60_000 });
  await page.getByTestId('import-history').getByRole('button', { name: 'Undo' }).click();
  const plan = page.getByTestId('undo-plan');
  await expect.poll(() => plan.textContent()).toMatch(/removes 3 purchase lines, 0 contacts and 2 clients/);
  await expect.poll(() => plan.locator('li').allTextContents()).toEqual(['Client “Tóth és Fia Kft”: edited since the import']);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-undo-plan.png') });
  await plan.getByRole('button', { name: 'Undo the import' }).click();
  await expect.poll(() => page.getByTestId('import-history').getByRole('status').textContent()).toBe('Import undone: 3 lines, 0 contacts and 2 clients removed, 0 records restored.');
  expect(db.sqlite.prepare(`SELECT count(*) AS n FROM purchases`).get()).toEqual({ n: 0 });
  expect(db.sqlite.prepare(`SELECT name FROM clients`).all()).toEqual([{ name: 'Tóth és Fia Kft' }]);
  // The next test starts from an empty base, as it did before the rename.
  db.sqlite.prepare(`DELETE FROM clients`).run();
});

it('the clients grid exports what it shows to .xlsx: visible columns, filtered rows, types', async () => {
  const { page } = app;
  for (const [code, name] of [['K1', 'Kovács Bt'], ['K2', 'Kiss Kft'], ['N1', 'Nagy Kft']]) db.sqlite.prepare(`INSERT INTO clients (code, name) VALUES (?, ?)`).run(code, name);
  db.sqlite.prepare(`INSERT INTO purchases (client_id, date, amount) SELECT id, '2026-01-02', 1000 FROM clients WHERE code = 'K1'`).run();
  await page.goto(`${TEST_ORIGIN}/index.html#/clients`, { timeout: 60_000 });
  await page.getByRole('searchbox').fill('Kft');
  await expect.poll(() => page.getByTestId('clients-count').textContent(), { timeout: 30_000 }).toMatch(/^2 /);
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  await expect.poll(() => page.getByTestId('export-status').textContent()).toBe(`Saved 2 rows to ${join(dir, 'clients.xlsx')}`);
  expect(existsSync(join(dir, 'clients.xlsx'))).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'clients.xlsx'));
  const ws = wb.worksheets[0];
  expect(String(ws.getCell('A1').value)).toMatch(/^Clients — \d{4}-\d{2}-\d{2} — Filter: search "Kft"$/);
  const headers = (ws.getRow(2).values as unknown[]).slice(1);
  expect(headers.slice(0, 3)).toEqual(['Name', 'Code', 'Type']);
  expect(headers).toContain('Revenue, last 12 months');
  const names = [ws.getCell('A3').value, ws.getCell('A4').value].sort();
  expect(names).toEqual(['Kiss Kft', 'Nagy Kft']);
  const revenueCol = headers.indexOf('Revenue, last 12 months') + 1;
  expect(typeof ws.getRow(3).getCell(revenueCol).value).toBe('number');
  expect(errors).toEqual([]);
});
