import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { DEMO_SEEDS } from '../../electron/demo-seeds';
import { generateDemo } from '../../electron/features/settings/demo/generate';
import { updateSettings } from '../../electron/features/settings/service';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN, type Emit } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';
import { routerCalls } from '../helpers/router';
import { headingsOf } from '../../shared/features/dossiers/doc';
import { hu } from '../../shared/features/dossiers/i18n/hu';

let browser: Browser;
let db: Db;
const problems: string[] = [];
const today = new Date().toISOString().slice(0, 10);

const sectionText = (id: number) => (db.sqlite.prepare('SELECT text FROM dossier_sections WHERE id = ?').get(id) as { text: string }).text;

async function open(path: string): Promise<Page> {
  const { page } = await openApp(browser, (emit: Emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  // Seven test runs share two cores here: a 7 MB bundle may take longer than the default 10 s to start.
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(30_000);
  await page.goto(`${TEST_ORIGIN}/index.html#/${path}`);
  return page;
}

function clientWithoutDossier(): { id: number; name: string } {
  return db.sqlite.prepare('SELECT id, name FROM clients WHERE id NOT IN (SELECT client_id FROM dossiers WHERE client_id IS NOT NULL) AND archived_at IS NULL ORDER BY id LIMIT 1').get() as { id: number; name: string };
}

async function startDossier(page: Page): Promise<number[]> {
  await page.getByRole('button', { name: 'Start the dossier' }).click();
  await page.getByTestId('dossier').waitFor();
  return (db.sqlite.prepare('SELECT s.id FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE d.id = (SELECT MAX(id) FROM dossiers) ORDER BY s.position').all() as { id: number }[]).map((r) => r.id);
}

/** The people panel is made with its section's text, as the section comes near the screen (a demo dossier runs to pages). */
async function nearPeopleSection(page: Page, clientId: number): Promise<void> {
  const { id } = db.sqlite.prepare(`SELECT s.id FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE d.client_id = ? AND s.template_key = 'people'`).get(clientId) as { id: number };
  await page.getByTestId(`section-${id}`).scrollIntoViewIfNeeded();
}

beforeAll(async () => {
  // On the shared machine a save can take longer than expect.poll's default second to show.
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  db = openDatabase(join(tempDirOutsideTest(), 'dossiers.db'), findMigrationsFolder());
  generateDemo(db, { clients: 60, purchases: 2000, seed: 4, asOf: today, seeds: DEMO_SEEDS });
  updateSettings(db, { onboarded: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

// A shared two-core machine makes Chromium slow at times: the steps wait for what they need, the test as a whole may take long.
describe('dossiers in Chromium', { timeout: 180_000 }, () => {
  it('typing is saved within a second: the page killed mid-typing reopens with the text', async () => {
    const client = clientWithoutDossier();
    const page = await open(`dossiers/${client.id}`);
    const [first] = await startDossier(page);
    await page.getByTestId(`editor-${first}`).click();
    const a = 'Aki a döntést hozza: Szergej, a beszerzési vezető. ';
    await page.keyboard.type(a, { delay: 15 });
    await page.waitForTimeout(1100);
    expect(sectionText(first)).toBe(a);
    // Keep typing (30 ms a key), and kill the renderer mid-sentence: no unload, no goodbye.
    const b = 'Még egy mondat, amit félbeszakít az összeomlás, mielőtt a végére érnék.';
    const cdp = await page.context().newCDPSession(page);
    void page.keyboard.type(b, { delay: 30 }).catch(() => {});
    await new Promise((r) => setTimeout(r, 1500));
    const onScreen = (await page.getByTestId(`editor-${first}`).textContent()) ?? '';
    void cdp.send('Page.crash').catch(() => {});
    await page.waitForEvent('crash', { timeout: 5000 });
    await page.context().close();
    const saved = sectionText(first);
    expect(saved.startsWith(a)).toBe(true);
    expect(`${a}${b}`.startsWith(saved)).toBe(true);
    // At most the last second of typing is lost: about 33 keys at this speed.
    expect(saved.length).toBeGreaterThan(a.length);
    expect(onScreen.length - saved.length).toBeLessThanOrEqual(34);

    const again = await open(`dossiers/${client.id}`);
    await expect.poll(() => again.getByTestId(`editor-${first}`).textContent()).toBe(saved);
    // It reopens where the user was: the cursor is back in that section.
    await expect.poll(() => again.evaluate(() => document.activeElement?.closest('[data-testid^="editor-"]')?.getAttribute('data-testid'))).toBe(`editor-${first}`);
    await again.context().close();
  });

  it('a table and a checklist survive save and reload; sections reorder; an older revision comes back', async () => {
    const client = clientWithoutDossier();
    const page = await open(`dossiers/${client.id}`);
    const ids = await startDossier(page);
    const editor = page.getByTestId(`editor-${ids[0]}`);
    await editor.click();
    await page.keyboard.type('Versions matter.');
    await expect.poll(() => sectionText(ids[0])).toBe('Versions matter.');
    // Kept in the history (on a slow machine the first autosave may have caught only part of the line), then made old.
    await routerCalls(db).call('dossiers.snapshot', { sectionId: ids[0] });
    db.sqlite.prepare(`UPDATE dossier_revisions SET created_at = '2000-01-01T00:00:00.000Z'`).run();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Checklist' }).click();
    await page.keyboard.type('Send the framework agreement');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.keyboard.type('Supplier');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Strength');
    await editor.locator('ul[data-type="taskList"] input[type="checkbox"]').first().check();
    await page.waitForTimeout(1000);
    await page.reload();
    const reloaded = page.getByTestId(`editor-${ids[0]}`);
    await reloaded.waitFor();
    expect(await reloaded.locator('ul[data-type="taskList"] li').first().getAttribute('data-checked')).toBe('true');
    expect(await reloaded.locator('table th, table td').first().textContent()).toBe('Supplier');
    expect(await reloaded.locator('table th, table td').nth(1).textContent()).toBe('Strength');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dossiers-01-editor.png') });

    // Move the second section to the top.
    await page.getByTestId(`section-${ids[1]}`).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => page.locator('.dossier-section').first().getAttribute('data-testid')).toBe(`section-${ids[1]}`);
    const order = (db.sqlite.prepare('SELECT id FROM dossier_sections WHERE dossier_id = (SELECT dossier_id FROM dossier_sections WHERE id = ?) AND archived_at IS NULL ORDER BY position').all(ids[0]) as { id: number }[]).map((r) => r.id);
    expect(order.slice(0, 2)).toEqual([ids[1], ids[0]]);
    await page.reload();
    await expect.poll(() => page.locator('.dossier-section').first().getAttribute('data-testid')).toBe(`section-${ids[1]}`);

    // History: the first version, without the table and checklist, restored.
    await page.getByTestId(`section-${ids[0]}`).getByRole('button', { name: 'History' }).click();
    const dialog = page.getByRole('dialog');
    // Newest first: the snapshot taken after the table, then "Versions matter.".
    await dialog.getByTestId('revision-list').getByRole('button').nth(1).click();
    await expect.poll(() => dialog.getByTestId('revision-diff').textContent()).toContain('Send the framework agreement');
    page.once('dialog', (d) => void d.accept());
    await dialog.getByRole('button', { name: 'Restore this version' }).click();
    await expect.poll(() => page.getByTestId(`editor-${ids[0]}`).textContent()).toBe('Versions matter.');
    expect(sectionText(ids[0])).toBe('Versions matter.');
    // What was there before the restore is in the history, so the restore can be undone.
    expect((db.sqlite.prepare(`SELECT reason FROM dossier_revisions WHERE section_id = ? ORDER BY id DESC LIMIT 1`).get(ids[0]) as { reason: string }).reason).toBe('beforeRestore');
    await page.context().close();
  });

  it('two windows on one section: the second save is refused, says why, keeps the text; "keep mine" wins without losing the other', async () => {
    const client = clientWithoutDossier();
    const one = await open(`dossiers/${client.id}`);
    const [first] = await startDossier(one);
    const two = await open(`dossiers/${client.id}`);
    await two.getByTestId(`editor-${first}`).waitFor();
    await one.getByTestId(`editor-${first}`).click();
    await one.keyboard.type('From window one.');
    await expect.poll(() => sectionText(first)).toBe('From window one.');
    await two.getByTestId(`editor-${first}`).click();
    await two.keyboard.type('From window two.');
    const conflict = two.getByTestId(`conflict-${first}`);
    await expect.poll(() => conflict.textContent()).toContain('Another window saved this section');
    expect(await two.getByTestId(`editor-${first}`).textContent()).toBe('From window two.');
    expect(sectionText(first)).toBe('From window one.');
    await two.screenshot({ path: join(SCREENSHOT_DIR, 'dossiers-02-conflict.png') });
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => sectionText(first)).toBe('From window two.');
    const kept = db.sqlite.prepare(`SELECT doc FROM dossier_revisions WHERE section_id = ? AND reason = 'conflict'`).all(first) as { doc: string }[];
    expect(kept.some((r) => r.doc.includes('From window one.'))).toBe(true);
    await one.context().close();
    await two.context().close();
  });

  it('the people section edits the contacts, flags what the method warns about, and draws the relationship map', async () => {
    const client = db.sqlite.prepare(`SELECT c.id, c.name FROM clients c JOIN dossiers d ON d.client_id = c.id WHERE (SELECT count(*) FROM contacts WHERE client_id = c.id) >= 3 ORDER BY c.id LIMIT 1`).get() as { id: number; name: string };
    const page = await open(`clients/${client.id}`);
    await page.getByRole('tab', { name: 'Dossier' }).click();
    await nearPeopleSection(page, client.id);
    const panel = page.getByTestId('people-panel');
    await panel.waitFor();
    const contacts = db.sqlite.prepare('SELECT id, name FROM contacts WHERE client_id = ? ORDER BY id').all(client.id) as { id: number; name: string }[];
    const owner = panel.getByTestId(`person-${contacts[0].id}`);
    await owner.getByLabel('Stance').selectOption('sceptic');
    await expect.poll(() => panel.getByTestId('flag-champion').count()).toBe(1);
    await owner.getByLabel('Stance').selectOption('champion');
    await expect.poll(() => panel.getByTestId('flag-champion').count()).toBe(0);
    await owner.getByLabel('Influence (0–10)').selectOption('10');
    const second = panel.getByTestId(`person-${contacts[1].id}`);
    await second.getByLabel('Role', { exact: true }).fill('Head of purchasing');
    await second.getByLabel('Role', { exact: true }).blur();
    await expect.poll(() => (db.sqlite.prepare('SELECT role FROM contacts WHERE id = ?').get(contacts[1].id) as { role: string }).role).toBe('Head of purchasing');
    expect(db.sqlite.prepare('SELECT stance, influence FROM dossier_people WHERE contact_id = ?').get(contacts[0].id)).toEqual({ stance: 'champion', influence: 10 });
    const map = page.getByTestId('relationship-map');
    await map.scrollIntoViewIfNeeded();
    const painted = () => map.evaluate((el) => {
      const c = el.querySelector('canvas');
      if (!c) return 0;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
      return n;
    });
    await expect.poll(painted).toBeGreaterThan(500);
    await map.screenshot({ path: join(SCREENSHOT_DIR, 'dossiers-03-relationship-map.png') });
    await page.context().close();
  });

  it('the Dossiers page lists the dossiers and searches every one, opening at the match', async () => {
    const page = await open('dossiers');
    const count = (db.sqlite.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
    await expect.poll(() => page.getByTestId('dossiers-count').textContent()).toBe(`${count} dossiers`);
    await page.getByTestId('dossier-search').fill('ลูกค้า');
    await expect.poll(() => page.getByTestId('search-hit').count()).toBeGreaterThan(0);
    const first = page.getByTestId('search-hit').first();
    expect(await first.locator('mark').first().textContent()).toBe('ลูกค้า');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dossiers-04-search.png') });
    await first.getByRole('link').click();
    await page.getByTestId('dossier').waitFor();
    // The cursor is at the match, in the section the hit came from.
    await expect.poll(() => page.evaluate(() => {
      const sel = window.getSelection();
      const node = sel?.anchorNode;
      return node?.textContent?.slice(sel!.anchorOffset, sel!.anchorOffset + 6) ?? '';
    })).toBe('ลูกค้า');
    await page.context().close();
  });

  it('a paste larger than the limit is refused with a message and changes nothing', async () => {
    const client = clientWithoutDossier();
    const page = await open(`dossiers/${client.id}`);
    const [first] = await startDossier(page);
    await page.getByTestId(`editor-${first}`).click();
    await page.keyboard.type('Kept.');
    await page.waitForTimeout(900);
    await page.getByTestId(`editor-${first}`).evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'x'.repeat(10 * 1024 * 1024));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByTestId(`section-${first}`).getByRole('alert').textContent()).toContain('What you pasted is too large (10.0 MB');
    expect(await page.getByTestId(`editor-${first}`).textContent()).toBe('Kept.');
    await page.waitForTimeout(900);
    expect(sectionText(first)).toBe('Kept.');
    await page.context().close();
  });

  it('shows a demo dossier with standard titles in the user language, and the user text never as the app buttons, labels or headers', async () => {
    const client = db.sqlite.prepare(`SELECT c.id FROM clients c JOIN dossiers d ON d.client_id = c.id WHERE c.country = 'HU' ORDER BY c.id LIMIT 1`).get() as { id: number };
    const first = db.sqlite.prepare(`SELECT s.id FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE d.client_id = ? AND s.template_key = 'company'`).get(client.id) as { id: number };
    // Named as the Hungarian template names it: an English screen says it in English.
    db.sqlite.prepare(`UPDATE dossier_sections SET title = ? WHERE id = ?`).run(hu.sections.company, first.id);
    const page = await open(`clients/${client.id}`);
    await page.getByRole('tab', { name: 'Dossier' }).click();
    await page.getByTestId(`editor-${first.id}`).waitFor();
    await nearPeopleSection(page, client.id);
    await page.getByTestId('people-panel').waitFor();
    await expect.poll(() => page.getByTestId(`section-${first.id}`).locator('h2').textContent()).toBe('Company overview');
    const userText = new Set<string>([
      ...(db.sqlite.prepare(`SELECT name FROM contacts WHERE client_id = ?`).all(client.id) as { name: string }[]).map((c) => c.name),
      ...(db.sqlite.prepare(`SELECT doc FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE d.client_id = ?`).all(client.id) as { doc: string }[]).flatMap((r) => headingsOf(JSON.parse(r.doc)).map((h) => h.text)),
    ]);
    // The elements tests/e2e/languages.test.ts reads as the app's own words.
    const chrome = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll('button, label, nav a, [role=tab], legend, th, summary, h2, h3')) out.push((el.textContent ?? '').replace(/\s+/g, ' ').trim());
      for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) for (const a of ['placeholder', 'title', 'aria-label']) out.push(el.getAttribute(a) ?? '');
      return out;
    });
    const headings = await page.getByTestId(`editor-${first.id}`).getByRole('heading').allTextContents();
    expect(headings.length).toBeGreaterThan(2);
    expect(chrome.filter((c) => [...userText].some((u) => c.includes(u)))).toEqual([]);

    // The history of a section far down, whose editor (and text) the page has not made yet: compared with its stored text.
    const risks = db.sqlite.prepare(`SELECT s.id, s.revision FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE d.client_id = ? AND s.template_key = 'risks'`).get(client.id) as { id: number; revision: number };
    const r = routerCalls(db);
    await r.call('dossiers.snapshot', { sectionId: risks.id });
    await r.call('dossiers.saveSection', { sectionId: risks.id, baseRevision: risks.revision, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zöldbékás kockázat.' }] }] } });
    expect(await page.getByTestId(`editor-${risks.id}`).count()).toBe(0);
    // Clicked where it is, without scrolling there: the section stays unmade.
    await page.getByTestId(`section-${risks.id}`).getByRole('button', { name: 'History' }).dispatchEvent('click');
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('revision-list').getByRole('button').first().click();
    await expect.poll(() => dialog.getByTestId('revision-diff').textContent()).toContain('Zöldbékás');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The outline jumps to a heading of the last section, made on the way, without leaving the page.
    const last = db.sqlite.prepare(`SELECT s.id, s.doc FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE d.client_id = ? AND s.archived_at IS NULL ORDER BY s.position DESC LIMIT 1`).get(client.id) as { id: number; doc: string };
    const heading = headingsOf(JSON.parse(last.doc))[0].text;
    const hash = await page.evaluate(() => window.location.hash);
    await page.getByTestId('outline').getByRole('link', { name: heading, exact: true }).first().click();
    await page.getByTestId(`editor-${last.id}`).waitFor();
    await expect.poll(() => page.getByTestId(`editor-${last.id}`).getByRole('heading', { name: heading }).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    })).toBe(true);
    expect(await page.evaluate(() => window.location.hash)).toBe(hash);
    await page.context().close();
  });

  it('ran without errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
