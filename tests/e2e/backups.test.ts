import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { updateSettings } from '../../electron/features/settings/service';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
let db: Db;

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'backups.db'), findMigrationsFolder());
  updateSettings(db, { onboarded: true });
  db.sqlite.prepare(`INSERT INTO clients (name) VALUES ('Before the backup')`).run();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

it('Settings → Backups: back up now, keep working, restore it while the app is open', async () => {
  const migrationsFolder = findMigrationsFolder();
  const { page } = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', backups: true, migrationsFolder, platform: { emit } })));
  await page.goto(`${TEST_ORIGIN}/index.html#/settings`);
  const section = page.getByTestId('backups');
  await expect.poll(() => section.textContent()).toMatch(/No backups yet/);
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect.poll(() => section.getByRole('status').textContent()).toMatch(/^Backup 000001-.*-manual\.db made and verified\.$/);
  await expect.poll(() => section.locator('tr').count()).toBe(1);
  expect(await section.locator('tr').first().textContent()).toMatch(/Made by hand/);

  db.sqlite.prepare(`INSERT INTO clients (name) VALUES ('After the backup')`).run();
  page.once('dialog', (d) => void d.accept());
  await section.locator('tr').first().getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => section.getByRole('status').textContent()).toMatch(/^Restored\. The data before the restore was kept as 000002-.*-before-restore\.db/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'backups-restored.png'), fullPage: true });
  // The page reloads itself; the clients grid shows the restored data.
  await page.waitForLoadState('load');
  await page.goto(`${TEST_ORIGIN}/index.html#/clients`);
  await expect.poll(() => page.getByTestId('clients-grid').locator('.ag-row [col-id="name"]').allTextContents()).toEqual(['Before the backup']);
});
