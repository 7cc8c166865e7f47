import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { ensureDefaultClientTypes } from '../../electron/features/accounts/client-types';
import { clientsService } from '../../electron/features/accounts/clients';
import { clientCreate } from '../../shared/features/accounts/schemas';
import { launchChromium, openApp, TEST_ORIGIN } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
const dbs: Db[] = [];
const fresh = (name: string) => {
  const db = openDatabase(join(tempDirOutsideTest(), name), findMigrationsFolder());
  ensureDefaultClientTypes(db);
  dbs.push(db);
  return db;
};
const open = (db: Db) => openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const db of dbs) db.sqlite.close();
});

it('a base that already holds clients (made by the command line) opens on the clients, not on Welcome', async () => {
  const db = fresh('cli-made.db');
  // What `rapport import` or `rapport demo` leave: clients, and no "onboarded" setting.
  for (const name of ['Orion Supply Kft.', 'Kristály Üveg Bt.']) clientsService.create(db, clientCreate.parse({ name }));
  expect(db.sqlite.prepare(`SELECT value FROM settings WHERE key = 'onboarded'`).get()).toBeUndefined();
  const { page } = await open(db);
  await page.goto(`${TEST_ORIGIN}/index.html`);
  await expect.poll(() => page.getByTestId('clients-count').textContent()).toBe('2 of 2 clients');
  expect(await page.getByRole('button', { name: /Load demo data/ }).count()).toBe(0);
});

it('an empty base offers demo data, "Import my Excel file" and Start empty; the import choice opens the import screen', async () => {
  const db = fresh('empty.db');
  const { page } = await open(db);
  await page.goto(`${TEST_ORIGIN}/index.html`);
  const choices = page.locator('.welcome-choices button');
  await expect.poll(() => choices.count()).toBe(3);
  expect((await choices.locator('strong').allTextContents())).toEqual(['Load demo data', 'Import my Excel file', 'Start empty']);
  await page.getByRole('button', { name: /Import my Excel file/ }).click();
  await expect.poll(() => new URL(page.url()).hash).toBe('#/import');
  await expect.poll(() => page.locator('nav.sidebar a[aria-current="page"]').textContent()).toBe('Import');
  expect((db.sqlite.prepare(`SELECT value FROM settings WHERE key = 'onboarded'`).get() as { value: string }).value).toBe('true');
  // Reloaded, it stays past Welcome even though the base is still empty.
  await page.reload();
  await expect.poll(() => page.locator('nav.sidebar').count()).toBe(1);
});
