import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { UsageError } from '../../../electron/cli/command';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { tempDir } from '../../helpers/db';

async function cli(args: string[]): Promise<string> {
  const out: string[] = [];
  expect(await run(args, (s) => out.push(s))).toBe(0);
  return out.join('');
}

/** Two records of one business (same tax number), with a purchase and a contact on the duplicate. */
function base(): { file: string; keep: number; dup: number } {
  const file = join(tempDir(), 'dups.db');
  const db = openDatabase(file, findMigrationsFolder());
  const add = (name: string, taxId: string) => Number(db.sqlite.prepare(`INSERT INTO clients (name, tax_id) VALUES (?, ?)`).run(name, taxId).lastInsertRowid);
  const keep = add('Orion Supply Kft.', '12345678-2-42');
  const dup = add('ORION SUPPLY', '12345678242');
  add('Kristály Bt.', '99999999-1-11');
  db.sqlite.prepare(`INSERT INTO purchases (client_id, date, quantity, amount) VALUES (?, '2026-03-01', 1, 10), (?, '2026-03-02', 1, 20), (?, '2026-03-03', 1, 5)`).run(keep, keep, dup);
  db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level) VALUES (?, 'Anna', 'owner')`).run(dup);
  db.sqlite.close();
  return { file, keep, dup };
}

describe('rapport duplicates and merge', () => {
  it('lists the pair, merges it in one transaction, and the list is empty after', async () => {
    const { file, keep, dup } = base();
    const report = JSON.parse(await cli(['duplicates', '--db', file, '--json']));
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]).toMatchObject({ keep: { id: keep, purchases: 2 }, merge: { id: dup, purchases: 1, contacts: 1 }, reasons: ['taxId', 'name'] });
    expect(await cli(['duplicates', '--db', file])).toContain(`keep #${keep} Orion Supply Kft.\tmerge #${dup} ORION SUPPLY\ttaxId,name`);

    const merged = JSON.parse(await cli(['merge', '--db', file, '--keep', String(keep), '--merge', String(dup), '--json']));
    expect(merged).toMatchObject({ keptId: keep, mergedId: dup, moved: { purchases: 1, contacts: 1 }, stayed: {} });
    const db = openDatabase(file, findMigrationsFolder());
    expect(db.sqlite.prepare(`SELECT COUNT(*) AS n FROM purchases WHERE client_id = ?`).get(keep)).toEqual({ n: 3 });
    expect(db.sqlite.prepare(`SELECT archived_at IS NOT NULL AS archived FROM clients WHERE id = ?`).get(dup)).toEqual({ archived: 1 });
    db.sqlite.close();
    expect(JSON.parse(await cli(['duplicates', '--db', file, '--json'])).pairs).toEqual([]);
  });

  it('refuses a merge of a client into itself before opening the file, and an archived one with the app\'s words', async () => {
    const { file, keep, dup } = base();
    expect(() => run(['merge', '--db', file, '--keep', String(keep), '--merge', String(keep)])).toThrow(UsageError);
    expect(() => run(['merge', '--db', file, '--keep', String(keep)])).toThrow(/--keep ID and --merge ID are both required/);
    await cli(['merge', '--db', file, '--keep', String(keep), '--merge', String(dup)]);
    expect(() => run(['merge', '--db', file, '--keep', String(keep), '--merge', String(dup)], () => {})).toThrow(/ORION SUPPLY is archived: restore it before merging/);
    expect(() => run(['merge', '--db', file, '--keep', String(keep), '--merge', '999'], () => {})).toThrow(/Client #999 does not exist/);
  });
});
