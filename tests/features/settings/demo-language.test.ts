import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/db/connection';
import { ensureDefaultClientTypes, listClientTypes } from '../../../electron/features/accounts/client-types';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

const THAI = /[\u0E00-\u0E7F]/;

/** The types in the order they were created (the list itself sorts by the translated name). */
const typesOf = (db: Db) => listClientTypes(db).sort((a, b) => a.id - b.id).map((t) => ({ ...t, fields: [...t.fields].sort((a, b) => a.position - b.position) }));

const column = (db: Db, sql: string): string[] => (db.sqlite.prepare(sql).all() as { v: string | null }[]).map((r) => r.v).filter((v): v is string => v !== null);

/** Loads the demo through the router, with the language saved first (or left unchosen: English). */
async function demoIn(language: 'th' | null): Promise<Db> {
  const db = emptyDatabase({ defaults: false });
  const { call } = routerCalls(db);
  if (language) await call('settings.update', { language, locale: 'th-TH', calendar: 'buddhist' });
  await call('app.loadDemo', { seed: 42, clients: 200 });
  return db;
}

function texts(db: Db) {
  const types = typesOf(db);
  return {
    typeNames: types.map((t) => t.name),
    labels: types.flatMap((t) => t.fields.map((f) => f.label)),
    options: types.flatMap((t) => t.fields.flatMap((f) => f.options)),
    fieldKeys: types.map((t) => [t.key, t.fields.map((f) => f.key)]),
    departments: column(db, `SELECT name AS v FROM departments ORDER BY id`),
    sources: [...new Set(column(db, `SELECT source AS v FROM clients`))],
    recoveryTasks: column(db, `SELECT t.title AS v FROM recovery_case_tasks ct JOIN tasks t ON t.id = ct.task_id ORDER BY t.id`),
    retentionTasks: column(db, `SELECT t.title AS v FROM retention_calls c JOIN tasks t ON t.id = c.callback_task_id ORDER BY t.id`),
    tasks: column(db, `SELECT title AS v FROM tasks ORDER BY id`),
    offers: column(db, `SELECT offer AS v FROM recovery_offers ORDER BY id`),
    programmes: column(db, `SELECT name AS v FROM retention_programmes ORDER BY id`),
    hobbies: column(db, `SELECT hobbies AS v FROM contacts ORDER BY id`),
    food: column(db, `SELECT food_preferences AS v FROM contacts ORDER BY id`),
    family: column(db, `SELECT family AS v FROM contacts ORDER BY id`),
    products: column(db, `SELECT product AS v FROM purchases ORDER BY id`),
  };
}

describe('demo data in the saved language', () => {
  it('writes Thai texts when the language is Thai, English when none is chosen, with the same keys and the same shape', async () => {
    const th = texts(await demoIn('th'));
    const en = texts(await demoIn(null));

    expect(en.typeNames).toEqual(['Retailer', 'Manufacturer', 'Distributor', 'Service business']);
    expect(en.labels).toContain('Sales floor (m²)');
    expect(en.labels).toContain('Staff');
    expect(en.options).toContain('Premium');
    expect(en.departments).toEqual(['Retail sales', 'Industrial sales']);
    expect(en.sources.sort()).toEqual(['Cold call', 'Referral', 'Trade fair', 'Website']);
    expect(en.recoveryTasks.length).toBeGreaterThan(0);
    expect(en.recoveryTasks.some((t) => /^Call .+ back: "you can always come back"$/.test(t))).toBe(true);
    expect(en.recoveryTasks).toContain('Thank them for the introduction');
    expect(en.retentionTasks.length).toBeGreaterThan(0);
    expect(en.programmes).toEqual(['Club card', 'Cashback 5%']);
    expect(new Set(en.hobbies)).toContain('football (supports the local club)');
    expect(new Set(en.food)).toContain('tea, never coffee');
    expect(new Set(en.family)).toContain('partner runs a bakery');
    expect(new Set(en.products)).toContain('Cordless drill');

    for (const list of [th.typeNames, th.labels, th.options, th.departments, th.sources, th.recoveryTasks, th.retentionTasks, th.tasks, th.offers, th.programmes.slice(0, 1), th.hobbies, th.food, th.family, th.products]) {
      expect(list.length).toBeGreaterThan(0);
      for (const text of list) expect(text).toMatch(THAI);
    }
    // Same stable keys, same number of rows: only the texts differ.
    expect(th.fieldKeys).toEqual(en.fieldKeys);
    expect(th.fieldKeys[0]).toEqual(['retailer', ['sales_floor_m2', 'price_segment', 'brands_stocked', 'purchase_frequency']]);
    expect(th.tasks.length).toBe(en.tasks.length);
    // The same people with the same hobbies: the draws do not depend on the language.
    expect(th.hobbies.length).toBe(en.hobbies.length);
    expect(th.products.length).toBe(en.products.length);
    const enToTh = new Map(en.hobbies.map((h, i) => [h, th.hobbies[i]]));
    expect(en.hobbies.every((h, i) => enToTh.get(h) === th.hobbies[i])).toBe(true);
    expect(th.recoveryTasks.length).toBe(en.recoveryTasks.length);
  });

  it('is deterministic for a seed and a language', async () => {
    const a = texts(await demoIn('th'));
    const b = texts(await demoIn('th'));
    expect(a).toEqual(b);
  });

  it('gives a new database its default types in the saved language, with the English field keys', () => {
    const en = emptyDatabase({ defaults: false });
    ensureDefaultClientTypes(en, 'en');
    const hu = emptyDatabase({ defaults: false });
    ensureDefaultClientTypes(hu, 'hu');
    const enTypes = typesOf(en);
    const huTypes = typesOf(hu);
    expect(huTypes.map((t) => t.name)).toEqual(['Kiskereskedő', 'Gyártó', 'Nagykereskedő', 'Szolgáltató cég']);
    expect(huTypes[0].fields.map((f) => f.label)).toEqual(['Eladótér (m²)', 'Árszegmens', 'Forgalmazott márkák', 'Vásárlási gyakoriság']);
    expect(huTypes[0].fields[1].options).toEqual(['Gazdaságos', 'Közép', 'Prémium']);
    expect(huTypes.map((t) => [t.key, t.fields.map((f) => [f.key, f.kind, f.position])])).toEqual(enTypes.map((t) => [t.key, t.fields.map((f) => [f.key, f.kind, f.position])]));
    expect(enTypes[0].fields.map((f) => f.label)).toEqual(['Sales floor (m²)', 'Price segment', 'Brands stocked', 'Purchase frequency']);
  });

  it('reads the saved language when none is passed, as the app does at start', async () => {
    const db = emptyDatabase({ defaults: false });
    await routerCalls(db).call('settings.update', { language: 'hu', locale: 'hu-HU', calendar: 'gregory' });
    ensureDefaultClientTypes(db);
    expect(typesOf(db)[0].name).toBe('Kiskereskedő');
    expect(typesOf(db)[0].fields[0].key).toBe('sales_floor_m2');
  });
});
