import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter, type Router } from '../../electron/router';
import { pdfPageCount } from '../../electron/features/recovery/brief';
import { launchChromium } from '../helpers/browser';
import { chromiumPrintToPdf } from '../helpers/pdf';
import { tempDirOutsideTest } from '../helpers/tmp';

let browser: Browser;
let db: Db;
let router: Router;

const call = async (channel: string, input: unknown): Promise<any> => {
  const res = await router.handle(channel, input);
  if (!res.ok) throw new Error(`${channel}: ${JSON.stringify(res.error)}`);
  return res.value;
};

beforeAll(async () => {
  db = openDatabase(join(tempDirOutsideTest(), 'brief.db'), findMigrationsFolder());
  browser = await launchChromium();
  router = createRouter(db, createHandlers({ version: 'e2e', platform: { printToPdf: chromiumPrintToPdf(browser) } }), () => {});
});

afterAll(async () => {
  await browser?.close();
  db?.sqlite.close();
});

describe('the meeting brief', () => {
  it('stays on one A4 page however much was recorded, and shows what the user typed as text, never as markup', async () => {
    const long = (word: string, n: number) => `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n).trim();
    const s = db.sqlite;
    const client = Number(s.prepare(`INSERT INTO clients (name, code, city, country, potential_annual) VALUES (?, 'BIG', 'Kaunas', 'LT', 250000)`).run(long('Žalgiris Statybinės Medžiagos UAB', 200)).lastInsertRowid);
    for (let i = 0; i < 12; i++) s.prepare(`INSERT INTO purchases (client_id, date, product, quantity, amount) VALUES (?, ?, ?, 3, 1500)`).run(client, `2025-0${(i % 9) + 1}-1${i % 9}`, long(`Product number ${i}`, 200));
    const evil = Number(s.prepare(`INSERT INTO contacts (client_id, name, level, family, hobbies, food_preferences, role) VALUES (?, '<script>alert(1)</script>', 'owner', ?, ?, ?, ?)`)
      .run(client, long('family', 2000), long('fishing', 2000), long('spicy', 2000), long('Owner', 200)).lastInsertRowid);
    for (let i = 0; i < 11; i++) s.prepare(`INSERT INTO contacts (client_id, name, level, family, hobbies) VALUES (?, ?, 'staff', ?, ?)`).run(client, `Person ${i}`, long('married', 2000), long('chess', 2000));
    for (let i = 0; i < 25; i++) s.prepare(`INSERT INTO interactions (client_id, contact_id, kind, date, summary, outcome) VALUES (?, ?, 'call', ?, ?, ?)`).run(client, evil, `2025-10-${10 + (i % 18)}`, long('Complaint about late delivery', 5000), long('Call back promised', 5000));
    for (let i = 0; i < 12; i++) s.prepare(`INSERT INTO tasks (client_id, title, due_date) VALUES (?, ?, '2026-07-01')`).run(client, long('Call back about the complaint', 300));

    const { id } = await call('recovery.markLost', { clientId: client, lostOn: '2025-12-01', noticedBy: long('Anna', 200), firstReasonNote: long('They said', 2000) });
    await call('recovery.saveMeeting', { caseId: id, askedBy: long('Director', 200), contactId: evil, kind: 'lunch', place: long('Hotel', 300), gift: long('Wine', 300), proposedDate: '2025-12-05', status: 'agreed' });
    const reason = (s.prepare(`SELECT id FROM recovery_reasons WHERE code = 'better_terms'`).get() as { id: number }).id;
    await call('recovery.saveInterview', { caseId: id, reasonId: reason, competitor: long('Baltic', 200), terms: ['price', 'payment', 'delivery', 'range'], termsDetail: long('lower', 2000), reasonNote: long('note', 2000), serviceWhat: long('late', 2000), serviceWho: long('warehouse', 300) });
    for (let i = 0; i < 8; i++) await call('recovery.addOffer', { caseId: id, kind: i % 2 ? 'fix' : 'match', offer: long('We offer', 2000), answer: 'considering', answerNote: long('Maybe', 2000) });

    const brief = await call('recovery.brief', { caseId: id, asOf: '2025-12-10' });
    expect(brief.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(brief.body).not.toContain('<script>');
    const pdf = await call('recovery.briefPdf', { caseId: id, asOf: '2025-12-10' });
    expect(pdf.fileName).toBe(`brief-${long('Žalgiris Statybinės Medžiagos UAB', 200).replace(/\s+/g, '-').slice(0, 60).replace(/-$/, '')}-2025-12-10.pdf`);
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(1);
    expect(pdf.pages).toBe(1);
  });

  it('answers null where there is no print engine (the CLI), and names an unknown case', async () => {
    const quiet = createRouter(db, createHandlers({ version: 'e2e' }), () => {});
    const id = (db.sqlite.prepare(`SELECT id FROM recovery_cases LIMIT 1`).get() as { id: number }).id;
    expect(await quiet.handle('recovery.briefPdf', { caseId: id })).toEqual({ ok: true, value: null });
    expect(await quiet.handle('recovery.brief', { caseId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found', key: 'common:errors.notFound' } });
  });
});
