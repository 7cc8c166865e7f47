import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { launchChromium, openApp, TEST_ORIGIN } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
let db: Db;

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'empty.db'), findMigrationsFolder());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

it('"Start empty" leads to an empty grid that says how to begin, and the first client can be added', async () => {
  const { page } = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  await page.goto(`${TEST_ORIGIN}/index.html`);
  await page.getByRole('button', { name: /Start empty/ }).click();
  await expect.poll(() => page.getByTestId('clients-count').textContent()).toBe('No clients yet. Add the first one with “New client”.');
  expect((db.sqlite.prepare(`SELECT value FROM settings WHERE key = 'onboarded'`).get() as { value: string }).value).toBe('true');
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('dialog').locator('#field-name').fill('First Client SARL');
  await page.getByRole('dialog').locator('#field-website').fill('javascript:alert(1)');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('#field-website-error').textContent()).toBe('Enter a web address starting with http:// or https://');
  await page.getByRole('dialog').locator('#field-website').fill('https://first.example');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByTestId('client-name').textContent()).toBe('First Client SARL');
  await page.reload();
  await expect.poll(() => page.getByTestId('client-name').textContent()).toBe('First Client SARL');
});
