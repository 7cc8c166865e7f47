import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { clientRetention } from '../../electron/features/retention/client';
import { dormancyRows, dormancyState } from '../../electron/features/retention';
import { callContext } from '../../electron/features/retention/calls';
import { todayCount } from '../../electron/features/retention/today';
import { generateDemo, updateSettings } from '../../electron/features/settings';
import { addDays } from '../../shared/kernel/dates';
import { formatDateEntry } from '../../shared/kernel/date-entry';
import { makeFormatters } from '../../shared/kernel/format';
import { addYearsIso } from '../../shared/features/retention/days';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
let db: Db;
let page: Page;
const problems: string[] = [];
const fmt = makeFormatters('en-GB', 'EUR');
const today = new Date().toISOString().slice(0, 10);
const ids = { birthday: 0, contact: 0, florist: 0, visits: 0 };
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `retention-${name}.png`), fullPage: true });
const one = <T>(sql: string, ...args: unknown[]) => db.sqlite.prepare(sql).get(...args) as T;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  db = openDatabase(join(tempDirOutsideTest(), 'retention.db'), findMigrationsFolder());
  generateDemo(db, { clients: 150, purchases: 6000, seed: 11, asOf: today });
  updateSettings(db, { onboarded: true });
  // Three clients whose reminders are due today: a birthday in three days, a bouquet bought a year ago, a visit long overdue.
  const run = (sql: string, ...args: unknown[]) => Number(db.sqlite.prepare(sql).run(...args).lastInsertRowid);
  ids.birthday = run(`INSERT INTO clients (name, code) VALUES ('Birthday Bakery', 'E2E-1')`);
  ids.contact = run(`INSERT INTO contacts (client_id, name, level, birthday, family, hobbies) VALUES (?, 'Zsófia Szabó', 'owner', ?, 'two sons', 'tennis')`, ids.birthday, `--${addDays(today, 3).slice(5)}`);
  ids.florist = run(`INSERT INTO clients (name, code) VALUES ('Anniversary Florist', 'E2E-2')`);
  for (const years of [2, 1]) run(`INSERT INTO purchases (client_id, date, product, amount) VALUES (?, ?, 'Roses bouquet', 90)`, ids.florist, addYearsIso(addDays(today, 5), -years));
  ids.visits = run(`INSERT INTO clients (name, code) VALUES ('Overdue Visits Ltd', 'E2E-3')`);
  run(`INSERT INTO interactions (client_id, kind, date, summary) VALUES (?, 'visit', ?, 'Walked the warehouse')`, ids.visits, addDays(today, -100));
  run(`INSERT INTO retention_cadence (client_id, ideal_days, max_days) VALUES (?, 30, 60)`, ids.visits);
  browser = await launchChromium();
  const app = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })));
  page = app.page;
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(`${TEST_ORIGIN}/index.html#/today`);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(`failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

const item = (key: string) => page.locator(`[data-testid="today-item"][data-key="${key}"]`);

describe('keeping clients coming back, in Chromium', () => {
  it('Today shows a birthday, an anniversary and an overdue visit with their context; snooze takes one off until tomorrow', async () => {
    const birthday = item(`birthday:${ids.contact}:${addDays(today, 3)}`);
    await expect.poll(() => birthday.locator('[data-testid="today-headline"]').textContent()).toBe(`Zsófia Szabó: birthday on ${fmt.date(addDays(today, 3))}`);
    expect(await birthday.locator('[data-testid="today-context"]').textContent()).toBe('No purchase yet · Zsófia Szabó — family: two sons · Zsófia Szabó — hobbies: tennis');
    const bouquet = item(`anniversary:${ids.florist}:${addDays(today, 5)}:Roses bouquet`);
    expect(await bouquet.locator('[data-testid="today-headline"]').textContent()).toBe(
      `A year since they bought Roses bouquet (${fmt.money(90)} on ${fmt.date(addYearsIso(addDays(today, 5), -1))}): call before ${fmt.date(addDays(today, 5))}`,
    );
    const visit = page.locator(`[data-testid="today-item"][data-kind="visit"]`, { hasText: 'Overdue Visits Ltd' });
    expect(await visit.locator('[data-testid="today-headline"]').textContent()).toBe('No contact for 100 days: visit every 30 days, at most 60');
    expect(await visit.locator('[data-testid="today-notes"]').textContent()).toBe(`${fmt.date(addDays(today, -100))}: Walked the warehouse`);
    expect(await visit.evaluate((el) => getComputedStyle(el).borderLeftColor)).not.toBe(await birthday.evaluate((el) => getComputedStyle(el).borderLeftColor));
    const before = await todayCount(db);
    await expect.poll(() => page.getByTestId('today-badge').textContent()).toBe(String(before));
    await shot('today');

    await birthday.getByRole('button', { name: 'Snooze to tomorrow' }).click();
    await expect.poll(() => birthday.count()).toBe(0);
    await expect.poll(() => page.getByTestId('today-badge').textContent()).toBe(String(before - 1));
    expect(one(`SELECT state, until FROM retention_reminders WHERE key = ?`, `birthday:${ids.contact}:${addDays(today, 3)}`)).toEqual({ state: 'snoozed', until: addDays(today, 1) });
    expect(await todayCount(db, addDays(today, 1))).toBeGreaterThan(0);
  });

  it('the call flow: no news, no campaign; then from the call list through the three stages to each outcome, with the tasks it creates', async () => {
    await page.goto(`${TEST_ORIGIN}/index.html#/winback`);
    await expect.poll(() => page.getByTestId('winback-count').textContent()).toMatch(/^\d+ clients · Value at risk: /);
    await page.getByRole('button', { name: 'New campaign…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#field-name').fill('Autumn tools');
    await dialog.locator('#field-reason').selectOption('newProduct');
    await dialog.locator('#field-offer').fill('15% off the first order from the new range');
    await dialog.locator('#field-offerWhy').fill('The launch price holds while the first shipment lasts');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.locator('#field-news-error').textContent()).toBe('Call only when you have news for them: say what is new (a product, terms, a sale, a card, a workshop)');
    // What was typed stays.
    expect(await dialog.locator('#field-offer').inputValue()).toBe('15% off the first order from the new range');
    await dialog.locator('#field-news').fill('The new cordless range is in, with a two-year warranty');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('winback-notice').textContent()).toMatch(/^Campaign started with \d+ clients \(0 in the control group\)\.$/);
    const campaign = one<{ id: number }>(`SELECT id FROM retention_campaigns WHERE name = 'Autumn tools'`).id;
    const members = one<{ n: number }>(`SELECT count(*) AS n FROM retention_campaign_members WHERE campaign_id = ?`, campaign).n;
    expect(members).toBeGreaterThanOrEqual(5);
    await shot('call-list');

    const tasksBefore = one<{ n: number }>(`SELECT count(*) AS n FROM tasks`).n;
    const outcomes = [
      { label: 'Complaint', tasks: 1 },
      { label: 'Call back on a date', tasks: 1 },
      { label: 'Will come', tasks: 0 },
      { label: 'Not interested', tasks: 0 },
      { label: 'No answer', tasks: 0 },
    ];
    await page.locator('[data-testid="call-list"] [data-testid="call-link"]').first().click();
    for (const [n, o] of outcomes.entries()) {
      await expect.poll(() => page.getByTestId('call-page').isVisible()).toBe(true);
      const clientId = Number(/call\/(\d+)$/.exec(page.url())![1]);
      const ctx = callContext(db, { campaignId: campaign, clientId });
      // Stage 1: what and when they last bought, and the person.
      const lp = ctx.lastPurchase!;
      await expect.poll(() => page.getByTestId('opener').textContent()).toBe(`We have not seen you since you bought the ${lp.product} on ${fmt.date(lp.date)} — was everything fine?`);
      if (ctx.contacts[0]?.family) expect(await page.getByTestId('contact-details').textContent()).toContain(`Family: ${ctx.contacts[0].family}`);
      await page.locator('#field-wellbeing').fill(`Fine, call ${n + 1}`);
      if (o.label === 'Complaint') await page.locator('#field-complaint').fill('The drill battery died after a week');
      await page.getByRole('button', { name: 'Next' }).click();
      // Stage 2: the news; stage 3: the invitation, its end and why.
      expect(await page.getByTestId('news').textContent()).toBe('The new cordless range is in, with a two-year warranty');
      await page.getByRole('button', { name: 'Next' }).click();
      expect(await page.getByTestId('offer').textContent()).toBe('15% off the first order from the new range');
      await page.getByLabel(o.label).check();
      if (o.label === 'Call back on a date') {
        await page.getByRole('button', { name: 'Save the call' }).click();
        await expect.poll(() => page.locator('#field-callbackDate-error').textContent()).toBe('Choose the date you promised to call back');
        await page.locator('#field-callbackDate').fill(formatDateEntry(addDays(today, 4), 'en-GB'));
      }
      if (n === 0) await shot('call-stage-3');
      await page.getByRole('button', { name: 'Save the call' }).click();
      await expect.poll(() => page.getByTestId('call-saved').textContent()).toContain('Saved: the call is in the diary.');
      expect(await page.getByTestId('call-saved').textContent()).toContain(o.tasks ? '1 task created.' : 'Saved: the call is in the diary.');
      const call = one<{ outcome: string; wellbeing: string; complaint_task_id: number | null; callback_task_id: number | null; interaction_id: number }>(
        `SELECT outcome, wellbeing, complaint_task_id, callback_task_id, interaction_id FROM retention_calls WHERE campaign_id = ? AND client_id = ?`, campaign, clientId,
      );
      expect(call.wellbeing).toBe(`Fine, call ${n + 1}`);
      expect(one<{ summary: string }>(`SELECT summary FROM interactions WHERE id = ?`, call.interaction_id).summary).toBe(`Win-back call (Autumn tools): ${o.label}`);
      if (o.label === 'Complaint') expect(one(`SELECT title, due_date AS due FROM tasks WHERE id = ?`, call.complaint_task_id)).toEqual({ title: 'Resolve the complaint: The drill battery died after a week', due: addDays(today, 1) });
      if (o.label === 'Call back on a date') expect(one(`SELECT title, due_date AS due FROM tasks WHERE id = ?`, call.callback_task_id)).toEqual({ title: 'Call back (Autumn tools)', due: addDays(today, 4) });
      if (n < outcomes.length - 1) await page.getByTestId('next-client').click();
    }
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM tasks`).n).toBe(tasksBefore + 2);
    await page.goto(`${TEST_ORIGIN}/index.html#/winback/campaigns/${campaign}`);
    await expect.poll(() => page.getByTestId('called').textContent()).toBe('5');
    expect(await page.getByTestId('reached').textContent()).toBe('4');
    await shot('results');
  });

  it('a holdout test on a segment the user picks: split at random into offer and control, the offer list on its results page', async () => {
    await page.goto(`${TEST_ORIGIN}/index.html#/loyalty`);
    await page.getByTestId('test-segment').getByLabel('Class').selectOption('A');
    await page.getByRole('button', { name: 'New holdout test…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('campaign-segment').textContent()).toBe('Clients: All managers · A · All types');
    await dialog.locator('#field-name').fill('Class A card test');
    await dialog.locator('#field-reason').selectOption('loyaltyCard');
    await dialog.locator('#field-news').fill('Our new loyalty card gives 5% back');
    await dialog.locator('#field-offer').fill('The card free with the next order');
    await dialog.locator('#field-offerWhy').fill('The first thousand cards are free');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const test = one<{ id: number; segment: string; holdout: number }>(`SELECT id, segment, holdout_share AS holdout FROM retention_campaigns WHERE name = 'Class A card test'`);
    expect(JSON.parse(test.segment)).toMatchObject({ abc: 'A', dormantOnly: false });
    expect(test.holdout).toBe(0.5);
    const arms = db.sqlite.prepare(`SELECT arm, count(*) AS n FROM retention_campaign_members WHERE campaign_id = ? GROUP BY arm ORDER BY arm`).all(test.id) as { arm: string; n: number }[];
    expect(arms.map((a) => a.arm)).toEqual(['control', 'offer']);
    expect(Math.abs(arms[0].n - arms[1].n)).toBeLessThanOrEqual(1);
    await page.getByTestId('campaign').filter({ hasText: 'Class A card test' }).getByRole('link').click();
    await page.getByLabel('Show').selectOption('offer');
    await expect.poll(() => page.getByTestId('results-grid').locator('.ag-row [col-id="arm"]').allTextContents()).toEqual(Array(arms[1].n).fill('Offer'));
  });

  it('the client page says how the client buys and when to visit; the clients grid flags the dormant', async () => {
    const dormant = dormancyRows(db, dormancyState(db), { dormantOnly: true })[0];
    const r = clientRetention(db, dormant.id);
    await page.goto(`${TEST_ORIGIN}/index.html#/clients/${dormant.id}`);
    const days = (n: number) => `${fmt.number(n, 1)} ${n === 1 ? 'day' : 'days'}`;
    const expected = r.rhythmDays === null ? null : `Usually buys every ${days(r.rhythmDays)}; last bought ${days(r.daysSince!)} ago${r.pAlive === null ? '' : `; P(alive) ${fmt.number(r.pAlive, 2)}`}`;
    await expect.poll(() => page.getByTestId('dormancy-text').textContent()).toBe(expected);
    expect(await page.getByTestId('dormant-flag').count()).toBe(r.dormant ? 1 : 0);
    expect(await page.getByTestId('visit-line').getAttribute('data-state')).toBe(r.visit.state);
    await shot('client-line');
    // Opening the page is what lets a bulk-imported client's reminders fire.
    await expect.poll(() => one<{ n: number }>(`SELECT count(*) AS n FROM retention_seen WHERE client_id = ?`, dormant.id).n).toBe(1);

    await page.goto(`${TEST_ORIGIN}/index.html#/clients`);
    await page.getByRole('searchbox').fill(one<{ code: string }>(`SELECT code FROM clients WHERE id = ?`, dormant.id).code);
    const grid = page.getByTestId('clients-grid');
    await expect.poll(() => grid.locator('.ag-row [col-id="code"]').allTextContents()).toEqual([one<{ code: string }>(`SELECT code FROM clients WHERE id = ?`, dormant.id).code]);
    // The extra columns come last: scroll the grid to them (ag-grid renders only the columns in view).
    await grid.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(() => grid.locator('.ag-row [col-id="retentionDormant"]').allTextContents()).toEqual([r.dormant ? 'Yes' : '']);
    expect(problems).toEqual([]);
  });
});
