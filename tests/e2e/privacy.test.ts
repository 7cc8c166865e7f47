import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileState, type Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { updateSettings } from '../../electron/features/settings/service';
import { parseKey } from '../../electron/features/privacy/keys';
import type { SecretStore } from '../../electron/platform';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';

/** expect.poll with room for a loaded machine (its own default is one second). */
const poll = <T>(fn: () => T | Promise<T>, opts: { timeout?: number } = {}) => expect.poll(fn, { timeout: 20_000, ...opts });

let browser: Browser;
let db: Db;
let dir: string;
let clientId: number;

/** The OS's secret store as a reversible stand-in (Electron's safeStorage in the app). */
const secrets: SecretStore = {
  protection: () => 'os',
  seal: (s) => new Uint8Array(Buffer.from(`sealed:${s}`)),
  unseal: (b) => Buffer.from(b).toString().replace(/^sealed:/, ''),
};

beforeAll(async () => {
  dir = tempDirOutsideTest();
  // A database made before encryption existed: plain, as an upgrade finds it.
  db = openDatabase(join(dir, 'privacy.db'), findMigrationsFolder());
  updateSettings(db, { onboarded: true });
  clientId = Number(db.sqlite.prepare(`INSERT INTO clients (name) VALUES ('Orion Kft.')`).run().lastInsertRowid);
  db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level, family) VALUES (?, 'Zsófia Palotás', 'owner', 'two daughters')`).run(clientId);
  db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level) VALUES (?, 'Gábor Kis', 'staff')`).run(clientId);
  db.sqlite.prepare(`INSERT INTO interactions (client_id, kind, date, summary) VALUES (?, 'call', '2026-03-01', 'Zsófia Palotás asked for new terms')`).run(clientId);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

async function app() {
  const opened = await openApp(browser, (emit) =>
    createRouter(db, createHandlers({ version: 'e2e', migrationsFolder: findMigrationsFolder(), openOptions: {}, platform: { emit, secrets, chooseSavePath: async (name) => join(dir, name) } })),
  );
  // The 7 MB bundle on a machine shared by many test runs: loading it can take longer than the helper's 10 s.
  opened.page.setDefaultNavigationTimeout(60_000);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

it('the page is served with its CSP, and the CSP holds in Chromium: no eval, no inline script', async () => {
  const { page } = await app();
  const res = await page.goto(`${TEST_ORIGIN}/index.html#/clients`);
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  await poll(() => page.locator('.sidebar').count()).toBe(1);
  // DevTools' own evaluation is exempt from CSP, so the probe is a real script file of the page's origin, added as the page would add one.
  await page.route(`${TEST_ORIGIN}/csp-probe.js`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
      body: `const r = (f) => { try { return f() === 1 ? 'ran' : 'odd'; } catch (e) { return 'blocked'; } };
        document.body.dataset.probe = JSON.stringify({ eval: r(() => eval('1')), fn: r(() => new Function('return 1')()) });`,
    }),
  );
  await page.evaluate(() => {
    const inline = document.createElement('script');
    inline.textContent = 'window.injected = true';
    document.body.appendChild(inline);
    const probe = document.createElement('script');
    probe.src = '/csp-probe.js';
    document.body.appendChild(probe);
  });
  await poll(() => page.evaluate(() => document.body.dataset.probe ?? '')).not.toBe('');
  const outcome = {
    ...JSON.parse(await page.evaluate(() => document.body.dataset.probe!)),
    inline: await page.evaluate(() => (window as unknown as { injected?: boolean }).injected === true),
  };
  expect(outcome).toEqual({ eval: 'blocked', fn: 'blocked', inline: false });
}, 120_000);

it('Settings → Privacy: encrypt the plain database with progress, set a passphrase and see the recovery key once, stop keeping a field', async () => {
  const { page } = await app();
  await page.goto(`${TEST_ORIGIN}/index.html#/settings`);
  const section = page.getByTestId('privacy');
  await poll(() => section.getByTestId('privacy-encryption').textContent()).toMatch(/not encrypted: anyone who gets a copy/);
  await section.getByRole('button', { name: 'Encrypt now' }).click();
  await poll(() => section.getByTestId('privacy-encryption').getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Encrypted\. A verified backup was made first \(000001-.*-migration\.db\)\.$/);
  await poll(() => section.getByTestId('privacy-encryption').textContent()).toMatch(/This database is encrypted .*kept by this computer’s secure storage/);
  expect(fileState(db.path)).toBe('encrypted');
  expect(db.key).toBeDefined();

  const pass = section.getByTestId('privacy-passphrase');
  await pass.getByLabel('Passphrase', { exact: true }).fill('a sunny day in Szeged');
  await pass.getByLabel('Repeat the passphrase').fill('a sunny day in Szegedd');
  await pass.getByRole('button', { name: 'Set passphrase' }).click();
  await poll(() => pass.getByRole('alert').textContent()).toBe('The two passphrases differ.');
  await pass.getByLabel('Repeat the passphrase').fill('a sunny day in Szeged');
  await pass.getByRole('button', { name: 'Set passphrase' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your recovery key' });
  const shown = await dialog.getByTestId('recovery-key').textContent();
  expect(parseKey(shown!)).toBe(db.key);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'privacy-recovery-key.png') });
  await dialog.getByRole('button', { name: 'I have kept it' }).click();
  await poll(() => pass.textContent()).toMatch(/A passphrase is set\./);
  expect(JSON.parse(readFileSync(`${db.path}.keys`, 'utf8')).passphrase).toBeTruthy();

  const kept = section.getByTestId('privacy-kept');
  const family = kept.locator('label', { hasText: 'Family' });
  await poll(() => family.textContent()).toMatch(/Family \(1 with a value\)/);
  await family.locator('input').uncheck();
  page.once('dialog', (d) => void d.accept());
  await kept.getByRole('button', { name: 'Save' }).click();
  await poll(() => kept.getByRole('status').textContent()).toBe('Saved. Contact details cleared: 1; interactions deleted: 0.');
  expect(db.sqlite.prepare(`SELECT count(*) FROM contacts WHERE family IS NOT NULL`).pluck().get()).toBe(0);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'privacy-settings.png'), fullPage: true });
}, 180_000);

it('the client page: export one person, then erase them after reading the preview', async () => {
  const { page } = await app();
  await page.goto(`${TEST_ORIGIN}/index.html#/clients/${clientId}`);
  await page.getByRole('tab', { name: 'Personal data' }).click();
  const tab = page.getByTestId('personal-data');
  const row = tab.locator('tr', { hasText: 'Zsófia Palotás' });
  await row.getByRole('button', { name: 'Export data' }).click();
  await poll(() => tab.getByRole('status').textContent()).toMatch(/^Saved .*personal-data-\d+\.json and .*personal-data-\d+\.xlsx\.$/);
  const json = (await tab.getByRole('status').textContent())!.match(/Saved (.*\.json) and/)![1];
  expect(JSON.parse(readFileSync(json, 'utf8')).contact.name).toBe('Zsófia Palotás');
  expect(existsSync(json.replace(/\.json$/, '.xlsx'))).toBe(true);

  await row.getByRole('button', { name: 'Erase…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Zsófia Palotás' });
  await poll(() => dialog.getByTestId('erase-plan').textContent()).toMatch(/Contacts: 1.*Records kept with the name, e-mail and phone cut out of their text: 1\./);
  const go = dialog.getByRole('button', { name: 'Erase for good' });
  expect(await go.isDisabled()).toBe(true);
  await dialog.getByLabel('I understand that this cannot be undone.').check();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'privacy-erase.png') });
  await go.click();
  await poll(() => tab.getByRole('status').textContent()).toBe('Erased. Records deleted: 1; rewritten: 1.');
  await poll(() => tab.locator('tr').allTextContents()).toEqual([expect.stringMatching(/^Gábor Kis/)]);
  expect(db.sqlite.prepare(`SELECT summary FROM interactions`).pluck().get()).toBe('[…] asked for new terms');
}, 120_000);
