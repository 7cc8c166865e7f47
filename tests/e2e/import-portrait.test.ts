import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { ensureDefaultClientTypes } from '../../electron/features/accounts/client-types';
import { updateSettings } from '../../electron/features/settings/service';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN, type AppPage } from '../helpers/browser';
import { writeCsv } from '../helpers/fixtures';
import { tempDirOutsideTest } from '../helpers/tmp';

/**
 * A clients file with portrait columns in the import wizard: the client
 * types' portrait fields are offered in every column's select, one is
 * guessed from its label, another chosen by hand, and what is imported is
 * the client's portrait.
 */

let browser: Browser;
let db: Db;
let app: AppPage;
let dir: string;
let picked = '';
const errors: string[] = [];

beforeAll(async () => {
  dir = tempDirOutsideTest();
  db = openDatabase(join(dir, 'import-portrait.db'), findMigrationsFolder());
  ensureDefaultClientTypes(db, 'en');
  updateSettings(db, { onboarded: true } as never);
  browser = await launchChromium();
  app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit, chooseImportFile: async () => picked } })));
  app.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  app.page.on('pageerror', (e) => errors.push(e.message));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await app.page.screenshot({ path: join(SCREENSHOT_DIR, 'failed-import-portrait.png'), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

it('offers the portrait fields in the mapping, guesses one from its label and imports them into the portrait', async () => {
  const { page } = app;
  picked = writeCsv(dir, 'shops.csv', 'Code;Name;Type;Sales floor (m²);Tier\nR-1;Rose Retail;Retailer;1250;premium\nR-2;Ruby Retail;Retailer;lots;economy\n');
  await page.goto(`${TEST_ORIGIN}/index.html#/import`, { timeout: 60_000 });
  await page.getByLabel('What the file holds').selectOption('clients');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await expect.poll(() => page.getByTestId('import-file').textContent()).toBe('shops.csv');
  await expect.poll(() => page.getByTestId('mapping-table').isVisible(), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('import-progress').count(), { timeout: 30_000 }).toBe(0);

  // Every column's select lists the portrait fields, under their own heading, by their own labels.
  const tier = page.getByLabel('Becomes: Tier');
  const group = tier.locator('optgroup');
  expect(await group.getAttribute('label')).toBe('Portrait fields');
  const offered = await group.locator('option').allTextContents();
  expect(offered).toEqual(expect.arrayContaining(['Sales floor (m²)', 'Price segment', 'Own delivery fleet', 'Staff']));
  expect(offered.filter((o) => o === 'Purchase frequency')).toHaveLength(1);
  // Guessed from the header equal to the label; the other one is the user's choice.
  expect(await page.getByLabel('Becomes: Sales floor (m²)').inputValue()).toBe('profile.sales_floor_m2');
  expect(await tier.inputValue()).toBe('');
  await tier.selectOption({ label: 'Price segment' });
  await expect.poll(() => tier.inputValue(), { timeout: 30_000 }).toBe('profile.price_segment');
  await expect.poll(() => page.getByTestId('import-progress').count(), { timeout: 30_000 }).toBe(0);

  // The preview shows the option as it is written in Settings, and the bad number on its own cell.
  const line = (n: number) => page.getByTestId('preview-table').locator(`tr[data-line="${n}"] td`);
  await expect.poll(() => line(2).nth(6).textContent(), { timeout: 30_000 }).toBe('Premium');
  expect(await line(2).nth(5).textContent()).toBe('1,250');
  expect(await line(3).nth(5).textContent()).toBe('"lots" is not a number');
  expect(await line(3).nth(1).textContent()).toBe('Add');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'import-portrait.png'), fullPage: true });

  await page.getByTestId('import-confirm').click();
  await expect.poll(() => page.getByTestId('import-result').locator('p').first().textContent(), { timeout: 30_000 }).toMatch(/done: 2 added/);
  const stored = db.sqlite.prepare(`SELECT code, profile FROM clients ORDER BY code`).all() as { code: string; profile: string }[];
  expect(stored.map((r) => [r.code, JSON.parse(r.profile)])).toEqual([
    ['R-1', { sales_floor_m2: 1250, price_segment: 'Premium' }],
    ['R-2', { price_segment: 'Economy' }],
  ]);
  expect(errors).toEqual([]);
});
