import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { generateDemo } from '../../electron/features/settings/demo/generate';
import { updateSettings } from '../../electron/features/settings/service';
import { listClientRows } from '../../electron/features/accounts/clients';
import { pdfPageCount } from '../../electron/features/recovery/brief';
import { addDays, toIsoDate } from '../../shared/kernel/dates';
import { formatDateEntry } from '../../shared/kernel/date-entry';
import { makeFormatters } from '../../shared/kernel/format';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { chromiumPrintToPdf } from '../helpers/pdf';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
let db: Db;
let page: Page;
let dir: string;
const problems: string[] = [];
const today = toIsoDate(new Date());
const typed = (iso: string) => formatDateEntry(iso, 'en-GB');
const fmt = makeFormatters('en-GB', 'EUR');
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `recovery-${name}.png`), fullPage: true });
const dialog = () => page.getByRole('dialog');
const row = <T,>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as T;

/** Two sizeable active clients, the second and third by revenue: the first keeps its place on the key-account screens. */
let won: { id: number; name: string };
let parted: { id: number; name: string };

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  dir = tempDirOutsideTest();
  db = openDatabase(join(dir, 'recovery.db'), findMigrationsFolder());
  generateDemo(db, { clients: 120, purchases: 6000, seed: 11, asOf: today });
  updateSettings(db, { onboarded: true });
  const active = listClientRows(db).filter((r) => r.status === 'active').sort((a, b) => b.revenue12m - a.revenue12m);
  [won, parted] = [active[1], active[2]].map((r) => ({ id: r.id, name: r.name }));
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit, printToPdf: chromiumPrintToPdf(browser) } })));
  page = app.page;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(`${TEST_ORIGIN}/index.html#/clients/${won.id}`);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(`failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 60)}`);
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

async function markLost(client: { id: number; name: string }, reason: string): Promise<number> {
  await page.goto(`${TEST_ORIGIN}/index.html#/clients/${client.id}`);
  await expect.poll(() => page.getByTestId('client-name').textContent()).toBe(client.name);
  await page.getByRole('button', { name: 'Mark lost', exact: true }).click();
  await dialog().getByLabel('Who noticed').fill('Anna Kiss');
  await dialog().getByLabel('First known reason').selectOption({ label: reason });
  await dialog().getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.url()).toMatch(/#\/recovery\/cases\/\d+$/);
  return Number(page.url().split('/').pop());
}

describe('recovering a lost key account in Chromium', () => {
  it('mark lost (a bad date refused, the typing kept), meeting request, interview with an offer, then "won back": active again, tasks created', async () => {
    await page.getByRole('button', { name: 'Mark lost', exact: true }).click();
    await dialog().getByLabel('Lost on').fill('31/02/2026');
    await dialog().getByLabel('Who noticed').fill('Anna Kiss');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().locator('.field-error').first().textContent()).toContain('Enter a real date');
    expect(await dialog().getByLabel('Who noticed').inputValue()).toBe('Anna Kiss');
    expect(row<{ n: number }>(`SELECT count(*) AS n FROM recovery_cases`).n).toBe(0);
    await dialog().getByLabel('Lost on').fill(typed(addDays(today, -3)));
    await dialog().getByLabel('First known reason').selectOption({ label: 'Unhappy with our service' });
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/recovery\/cases\/\d+$/);
    const caseId = Number(page.url().split('/').pop());
    expect(row<{ status: string }>(`SELECT status FROM clients WHERE id = ?`, won.id).status).toBe('lost');
    await expect.poll(() => page.getByTestId('case-client').textContent()).toBe(won.name);
    await expect.poll(() => page.getByTestId('stages').locator('[aria-current="step"]').textContent()).toBe('Meeting request');

    // 1. The meeting request: our head asks their owner for lunch; it is held.
    const meeting = page.getByTestId('meeting-form');
    await meeting.getByLabel('Who asks (our side)').fill('Our managing director');
    const owner = row<{ id: number; name: string }>(`SELECT id, name FROM contacts WHERE client_id = ? AND level = 'owner' ORDER BY id LIMIT 1`, won.id);
    await meeting.getByLabel('Whom we ask (their side)').selectOption(String(owner.id));
    await meeting.getByLabel('Where').selectOption({ label: 'Lunch on neutral ground' });
    await meeting.getByLabel('Place').fill('Bistro Duna');
    await meeting.getByLabel('Proposed date').fill(typed(addDays(today, -1)));
    await meeting.getByLabel('Status').selectOption({ label: 'Held' });
    await meeting.getByRole('button', { name: 'Save the meeting request' }).click();
    await expect.poll(() => page.getByTestId('stages').locator('[aria-current="step"]').textContent()).toBe('Interview');
    expect(row(`SELECT meeting_status AS s, meeting_held_on AS held, meeting_contact_id AS contact, meeting_kind AS kind FROM recovery_cases WHERE id = ?`, caseId))
      .toEqual({ s: 'held', held: addDays(today, -1), contact: owner.id, kind: 'lunch' });

    // 2. The interview: better terms elsewhere brings its own questions; what is typed saves by itself.
    const interview = page.getByTestId('interview-form');
    await interview.getByLabel('Reason').selectOption({ label: 'Better terms elsewhere' });
    await interview.getByLabel('Which competitor').fill('Baltic Supply');
    await interview.getByLabel('Price').check();
    await interview.getByLabel('Payment terms').check();
    await interview.getByLabel('Their terms').fill('8% lower, 60 days to pay');
    await expect.poll(() => row<{ c: string | null; terms: string }>(`SELECT competitor AS c, terms FROM recovery_cases WHERE id = ?`, caseId)).toEqual({ c: 'Baltic Supply', terms: '["price","payment"]' });
    await page.getByRole('button', { name: 'What if we matched those terms?' }).click();
    await dialog().getByLabel('Our offer').fill('Their price on fasteners until December');
    await dialog().getByLabel('Their answer').selectOption({ label: 'Accepted' });
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('offers').locator('tbody tr').count()).toBe(1);
    await shot('01-interview');

    // 3. Won back, with the agreed terms; the suggested follow-up tasks are created.
    const outcome = page.getByTestId('outcome-form');
    await outcome.getByLabel('Outcome').selectOption({ label: 'Won back' });
    await outcome.getByRole('button', { name: 'Close the case' }).click();
    await expect.poll(() => outcome.locator('.field-error').first().textContent()).toContain('Write down the terms agreed');
    await outcome.getByLabel('Agreed terms').fill('Their price on fasteners until December');
    await expect.poll(() => page.getByTestId('follow-up-tasks').getByLabel('Task', { exact: true }).count()).toBe(2);
    await outcome.getByRole('button', { name: 'Close the case' }).click();
    await expect.poll(() => page.getByTestId('outcome').textContent()).toBe(`Closed on ${fmt.date(today)}: Won back`);
    expect(row<{ status: string }>(`SELECT status FROM clients WHERE id = ?`, won.id).status).toBe('active');
    const tasks = db.sqlite.prepare(`SELECT t.title, t.due_date AS due, t.client_id AS client FROM recovery_case_tasks ct JOIN tasks t ON t.id = ct.task_id WHERE ct.case_id = ? ORDER BY t.due_date`).all(caseId);
    expect(tasks).toEqual([
      { title: `Send ${won.name} the offer with the agreed terms`, due: addDays(today, 2), client: won.id },
      { title: `Check the first order after ${won.name} came back`, due: addDays(today, 30), client: won.id },
    ]);
    await expect.poll(() => page.getByTestId('case-tasks').locator('li').count()).toBe(2);
    await shot('02-won-back');

    await page.goto(`${TEST_ORIGIN}/index.html#/clients/${won.id}`);
    await expect.poll(() => page.getByTestId('recovery-status').textContent()).toContain('Won back');
  });

  it('"parted well" with a referral creates a prospect referred by the lost client, shown in the referral tree and the prospects', async () => {
    const caseId = await markLost(parted, 'Makes it themselves');
    const outcome = page.getByTestId('outcome-form');
    await outcome.getByLabel('Outcome').selectOption({ label: 'Parted well' });
    await outcome.getByLabel('They introduced a company (a referral)').check();
    await outcome.getByLabel('Company name').fill('Pannon Build Partners');
    await outcome.getByLabel('Contact person').fill('Éva Tóth');
    await outcome.getByLabel('City').fill('Győr');
    const titles = () => page.getByTestId('follow-up-tasks').getByLabel('Task', { exact: true }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await expect.poll(titles).toEqual([`Call ${parted.name} back: "you can always come back"`, `Call Pannon Build Partners, introduced by ${parted.name}`]);
    await outcome.getByRole('button', { name: 'Close the case' }).click();
    await expect.poll(() => page.getByTestId('outcome').textContent()).toBe(`Closed on ${fmt.date(today)}: Parted well`);

    const prospect = row<{ id: number; status: string; source: string; referred: number; city: string }>(`SELECT id, status, source, referred_by_id AS referred, city FROM clients WHERE name = 'Pannon Build Partners'`);
    expect(prospect).toMatchObject({ status: 'prospect', source: 'referral', referred: parted.id, city: 'Győr' });
    expect(row<{ status: string }>(`SELECT status FROM clients WHERE id = ?`, parted.id).status).toBe('lost');
    expect(db.sqlite.prepare(`SELECT t.client_id AS client, t.due_date AS due FROM recovery_case_tasks ct JOIN tasks t ON t.id = ct.task_id WHERE ct.case_id = ? ORDER BY t.due_date`).all(caseId))
      .toEqual([{ client: prospect.id, due: addDays(today, 7) }, { client: parted.id, due: addDays(today, 90) }]);
    await expect.poll(() => page.getByTestId('case-referrals').textContent()).toContain('Pannon Build Partners');

    await page.getByRole('link', { name: 'Referrals' }).click();
    const node = page.getByTestId(`node-${parted.id}`);
    await expect.poll(() => node.getByTestId(`node-${prospect.id}`).textContent()).toContain('Pannon Build Partners');
    await shot('03-referrals');

    await page.getByRole('link', { name: 'Prospects' }).click();
    const first = page.locator('[data-testid="prospects-grid"] .ag-row').first();
    await expect.poll(() => first.locator('[col-id="name"]').textContent()).toBe('Pannon Build Partners');
    expect(await first.locator('[col-id="source"]').textContent()).toBe('Referral');
    expect(await first.locator('[col-id="referredBy"]').textContent()).toBe(parted.name);
    await first.locator('[col-id="name"]').click();
    await page.getByTestId('picked-prospect').getByRole('button', { name: 'Make it a client' }).click();
    await expect.poll(() => row<{ status: string }>(`SELECT status FROM clients WHERE id = ?`, prospect.id).status).toBe('active');
    expect(row(`SELECT source, referred_by_id AS r, city FROM clients WHERE id = ?`, prospect.id)).toEqual({ source: 'referral', r: parted.id, city: 'Győr' });
  });

  it('the meeting brief shows the account and prints to a one-page PDF', async () => {
    const caseId = row<{ id: number }>(`SELECT id FROM recovery_cases WHERE client_id = ?`, won.id).id;
    await page.goto(`${TEST_ORIGIN}/index.html#/recovery/cases/${caseId}`);
    await page.getByRole('button', { name: 'Meeting brief' }).click();
    const brief = page.getByTestId('brief');
    await expect.poll(() => brief.locator('h1').textContent()).toBe(`Meeting brief: ${won.name}`);
    const text = await brief.textContent();
    for (const part of ['History', 'What it bought', 'Their people', 'What went wrong', 'What we can offer', 'Baltic Supply', 'Their price on fasteners until December']) expect(text).toContain(part);
    await shot('04-brief');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^brief-.*\.pdf$/);
    const file = join(dir, 'brief.pdf');
    await download.saveAs(file);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
  });

  it('lists both cases, the reasons report with its chart, and a corrective action (a done one needs its date)', async () => {
    await page.goto(`${TEST_ORIGIN}/index.html#/recovery`);
    await expect.poll(() => page.locator('[data-testid="cases-grid"] .ag-row').count()).toBe(2);
    await expect.poll(() => page.getByTestId('candidates').locator('h2').textContent()).toContain('Candidates');
    await page.getByRole('link', { name: 'Why we lose' }).click();
    await expect.poll(() => page.locator('[data-testid="reasons-chart"] canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="reasons-grid"] .ag-row').count()).toBe(2);
    await shot('05-analysis');
    await page.getByRole('button', { name: 'New corrective action' }).click();
    await dialog().getByLabel('Reason').selectOption({ label: 'Better terms elsewhere' });
    await dialog().getByLabel('What we change').fill('Quarterly price review for key accounts');
    await dialog().getByLabel('Status').selectOption({ label: 'Done' });
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog().locator('.field-error').first().textContent()).toContain('A done action needs the date it was done');
    await dialog().getByLabel('Done on').fill(typed(today));
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('[data-testid="actions-grid"] .ag-row').count()).toBe(1);
    expect(row(`SELECT what, status, done_on AS d FROM recovery_actions`)).toEqual({ what: 'Quarterly price review for key accounts', status: 'done', d: today });
  });

  it('Settings holds the meeting target and the reasons list; a new prospect opens on its client page; no console errors', async () => {
    await page.goto(`${TEST_ORIGIN}/index.html#/settings`);
    const section = page.getByTestId('settings-recovery');
    await expect.poll(() => section.getByTestId('settings-reasons').textContent()).toContain('Buys direct from the maker');
    await section.getByLabel('First meeting within (days)').fill('5');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row<{ value: string }>(`SELECT value FROM settings WHERE key = 'recovery'`)?.value).toContain('"meetingTargetDays":5');
    await section.getByRole('button', { name: 'New reason' }).click();
    await dialog().getByLabel('Name').fill('Owner retired');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => section.getByTestId('settings-reasons').textContent()).toContain('Owner retired');

    await page.goto(`${TEST_ORIGIN}/index.html#/recovery/prospects`);
    await page.getByRole('button', { name: 'New prospect' }).click();
    await dialog().getByLabel('Company name').fill('Fresh Garden Co');
    await dialog().getByLabel('Source').selectOption({ label: 'Trade fair' });
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('client-name').textContent()).toBe('Fresh Garden Co');
    expect(row(`SELECT status, source FROM clients WHERE name = 'Fresh Garden Co'`)).toEqual({ status: 'prospect', source: 'trade_fair' });
    await expect.poll(() => page.getByRole('button', { name: 'Make it a client' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
