import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { ensureDefaultClientTypes } from '../../electron/features/accounts/client-types';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
let db: Db;
let page: Page;
const problems: string[] = [];
const count = (sql: string, ...args: unknown[]) => (db.sqlite.prepare(sql).get(...args) as { n: number }).n;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  db = openDatabase(join(tempDirOutsideTest(), 'duplicates.db'), findMigrationsFolder());
  ensureDefaultClientTypes(db);
  browser = await launchChromium();
  page = (await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })))).page;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-duplicates-${ctx.task.name.replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

it('lists a client entered twice and merges it, saying first what moves, keeping every purchase, contact, interaction and task', async () => {
  const { call } = routerCalls(db);
  await call('app.startEmpty', {});
  const keep = (await call<{ id: number }>('clients.create', { name: 'Orion Supply Kft.', taxId: '12345678-2-42' })).id;
  const dup = (await call<{ id: number }>('clients.create', { name: 'ORION SUPPLY', taxId: '12345678242', email: 'buy@orion.example' })).id;
  await call('clients.create', { name: 'Kristály Üveg Bt.' });
  for (const [clientId, date, amount] of [[keep, '2026-01-05', 100], [keep, '2026-02-05', 200], [dup, '2026-03-05', 300], [dup, '2026-04-05', 50], [dup, '2026-05-05', 25]] as const) {
    await call('purchases.create', { clientId, date, quantity: 1, amount });
  }
  await call('contacts.create', { clientId: keep, name: 'Anna Kovács', level: 'owner' });
  const buyer = (await call<{ id: number }>('contacts.create', { clientId: keep, name: 'Béla Nagy', level: 'purchasing' })).id;
  void buyer;
  await call('contacts.create', { clientId: dup, name: 'Cecília Tóth', level: 'finance' });
  await call('interactions.create', { clientId: dup, kind: 'call', date: '2026-05-06', summary: 'Asked for an offer' });
  await call('tasks.create', { clientId: dup, title: 'Send the offer', dueDate: '2026-07-01' });
  const revenue = count(`SELECT SUM(amount) AS n FROM purchases`);

  await page.goto(`${TEST_ORIGIN}/index.html#/clients/duplicates`);
  const pair = page.getByTestId('duplicate-pair');
  await expect.poll(() => pair.count()).toBe(1);
  // The client with more history is the one kept: ORION SUPPLY has three lines to Orion Supply Kft.'s two.
  expect(await pair.textContent()).toContain('same tax ID');
  expect(await pair.textContent()).toContain('same name');
  await pair.getByRole('button', { name: 'Merge…' }).click();
  const confirm = page.getByTestId('merge-confirm');
  await expect.poll(() => confirm.textContent()).toContain('Everything recorded for “Orion Supply Kft.” moves to “ORION SUPPLY”: 2 purchase lines, 2 contacts.');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  // The other way round: keep the properly named one.
  await pair.getByRole('button', { name: 'Keep the other one' }).click();
  await pair.getByRole('button', { name: 'Merge…' }).click();
  await expect.poll(() => confirm.textContent()).toContain('Everything recorded for “ORION SUPPLY” moves to “Orion Supply Kft.”: 3 purchase lines, 1 contact, 1 interaction, 1 task.');
  expect(await confirm.textContent()).toContain('“ORION SUPPLY” is then archived, not deleted: it can still be opened.');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'duplicates-confirm.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Merge', exact: true }).click();

  await expect.poll(() => page.getByTestId('merge-done').textContent()).toBe('Merged “ORION SUPPLY” into “Orion Supply Kft.”: 3 purchase lines, 1 contact, 1 interaction, 1 task.');
  await expect.poll(() => page.getByTestId('no-duplicates').textContent()).toBe('No duplicates found among 2 clients.');
  await expect.poll(() => page.getByTestId('merge-history').textContent()).toContain('“ORION SUPPLY” into “Orion Supply Kft.”');
  expect(count(`SELECT COUNT(*) AS n FROM purchases WHERE client_id = ?`, keep)).toBe(5);
  expect(count(`SELECT COUNT(*) AS n FROM contacts WHERE client_id = ?`, keep)).toBe(3);
  expect(count(`SELECT COUNT(*) AS n FROM interactions WHERE client_id = ?`, keep)).toBe(1);
  expect(count(`SELECT COUNT(*) AS n FROM tasks WHERE client_id = ?`, keep)).toBe(1);
  expect(count(`SELECT SUM(amount) AS n FROM purchases`)).toBe(revenue);
  expect(db.sqlite.prepare(`SELECT email, archived_at IS NOT NULL AS archived FROM clients WHERE id IN (?, ?) ORDER BY id`).all(keep, dup)).toEqual([
    { email: 'buy@orion.example', archived: 0 },
    { email: 'buy@orion.example', archived: 1 },
  ]);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'duplicates-merged.png') });
  // The kept client's page shows the merged history.
  await page.getByTestId('merge-history').getByRole('link', { name: 'Orion Supply Kft.' }).click();
  await expect.poll(() => page.getByTestId('lifetime-detail').textContent()).toContain('5 purchase lines');
  expect(problems).toEqual([]);
});
