import { WORKER_FILE } from '../helpers/paths';
import { join } from 'node:path';
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

let browser: Browser;
let db: Db;
let app: AppPage;
let dir: string;
/** The file the (fake) system dialog hands over next. */
let picked = '';
const errors: string[] = [];

beforeAll(async () => {
  dir = tempDirOutsideTest();
  db = openDatabase(join(dir, 'remember.db'), findMigrationsFolder());
  updateSettings(db, { onboarded: true, locale: 'hu-HU', currency: 'HUF' } as never);
  browser = await launchChromium();
  app = await openApp(browser, (emit) =>
    createRouter(db, createHandlers({
      version: 'e2e',
      runTask: workerTaskRunner(WORKER_FILE),
      platform: { emit, chooseImportFile: async () => picked, chooseSavePath: async (name) => join(dir, name) },
    })));
  app.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  app.page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

const clientRows = () => db.sqlite.prepare(`SELECT name, tax_id AS taxId, city FROM clients ORDER BY id`).all();

it('two quick mapping changes are both kept, and next month\'s file is mapped the same way and creates no duplicate client', async () => {
  const { page } = app;
  // Headers no guess knows: every column is the user's choice.
  picked = writeCsv(dir, 'Partnerek 2024-03.csv', 'Első;Második;Harmadik\nAlfa Kft;11111111-2-41;Budapest\nBéta Bt;22222222-1-13;Győr\n');
  await page.goto(`${TEST_ORIGIN}/index.html#/import`, { timeout: 60_000 });
  await page.getByLabel('What the file holds').selectOption('clients');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await expect.poll(() => page.getByTestId('import-file').textContent()).toBe('Partnerek 2024-03.csv');
  await expect.poll(() => page.getByTestId('mapping-table').isVisible()).toBe(true);
  await expect.poll(() => page.getByTestId('import-progress').count()).toBe(0);
  // Two changes, the second made while the first one's preview is still being read in the worker.
  await page.getByLabel('Becomes: Első').selectOption('name');
  await page.getByLabel('Becomes: Második').selectOption('taxId');
  await page.getByLabel('Becomes: Harmadik').selectOption('city');
  await expect.poll(() => page.getByTestId('import-progress').count(), { timeout: 30_000 }).toBe(0);
  expect(await page.getByLabel('Becomes: Első').inputValue()).toBe('name');
  expect(await page.getByLabel('Becomes: Második').inputValue()).toBe('taxId');
  expect(await page.getByLabel('Becomes: Harmadik').inputValue()).toBe('city');
  await expect.poll(() => page.getByTestId('summary-rows').textContent()).toBe('Rows in the file: 2');
  await expect.poll(() => page.getByTestId('summary-add').textContent()).toBe('To add: 2');
  await page.getByTestId('import-confirm').click();
  await expect.poll(() => page.getByTestId('import-result').locator('p').first().textContent(), { timeout: 30_000 }).toMatch(/done: 2 added/);
  expect(clientRows()).toEqual([{ name: 'Alfa Kft', taxId: '11111111-2-41', city: 'Budapest' }, { name: 'Béta Bt', taxId: '22222222-1-13', city: 'Győr' }]);

  // April's file: the same columns, Alfa renamed, one new client.
  picked = writeCsv(dir, 'Partnerek 2024-04.csv', 'Első;Második;Harmadik\nAlfa Kereskedelmi Kft;11111111-2-41;Budapest\nBéta Bt;22222222-1-13;Győr\nGamma Zrt;33333333-2-42;Pécs\n');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('What the file holds').selectOption('clients');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await expect.poll(() => page.getByTestId('import-file').textContent()).toBe('Partnerek 2024-04.csv');
  await expect.poll(() => page.getByTestId('remembered-mapping').isVisible(), { timeout: 30_000 }).toBe(true);
  expect(await page.getByLabel('Becomes: Első').inputValue()).toBe('name');
  expect(await page.getByLabel('Becomes: Második').inputValue()).toBe('taxId');
  expect(await page.getByLabel('Becomes: Harmadik').inputValue()).toBe('city');
  await expect.poll(() => page.getByTestId('summary-add').textContent()).toBe('To add: 1');
  expect(await page.getByTestId('summary-update').textContent()).toBe('To update: 1');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-remembered.png'), fullPage: true });
  await page.getByTestId('import-confirm').click();
  await expect.poll(() => page.getByTestId('import-result').locator('p').first().textContent(), { timeout: 30_000 }).toMatch(/done: 1 added, 1 updated/);
  expect(clientRows()).toEqual([
    { name: 'Alfa Kereskedelmi Kft', taxId: '11111111-2-41', city: 'Budapest' },
    { name: 'Béta Bt', taxId: '22222222-1-13', city: 'Győr' },
    { name: 'Gamma Zrt', taxId: '33333333-2-42', city: 'Pécs' },
  ]);
  expect(errors).toEqual([]);
});

it('the preview shows numbers and dates as the locale writes them, and the rejected rows are saved to a file to fix', async () => {
  const { page } = app;
  picked = writeCsv(dir, 'szamlak.csv', 'Ügyfél;Dátum;Összeg\nAlfa Kft;2024.03.01.;12 500,5\nBéta Bt;2024.02.31.;100\nÖsszesen;;12 600,5\n');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('What the file holds').selectOption('purchases');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await expect.poll(() => page.getByTestId('import-file').textContent()).toBe('szamlak.csv');
  const row = page.getByTestId('preview-table').locator('tr[data-line="2"] td');
  await expect.poll(() => row.nth(3).textContent(), { timeout: 30_000 }).toBe(new Intl.DateTimeFormat('hu-HU', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2024, 2, 1)));
  expect(await row.nth(4).textContent()).toBe(new Intl.NumberFormat('hu-HU', { maximumFractionDigits: 4 }).format(12500.5));
  expect(await page.getByTestId('summary-skipped').textContent()).toBe('Blank and total rows skipped: 1');
  await page.getByTestId('save-rejected').click();
  await expect.poll(() => page.getByTestId('rejected-status').textContent(), { timeout: 30_000 }).toBe(`1 rejected row saved to ${join(dir, 'szamlak-rejected.csv')}. Correct it there and import that file.`);
});
