import { describe, expect, it } from 'vitest';
import { storageFailure } from '../../electron/db/sqlite-errors';
import { inEnglish } from '../../electron/i18n';
import { emptyDatabase, tempDir } from '../helpers/db';
import { writeCsv } from '../helpers/fixtures';
import { commit } from '../helpers/importing';
import { routerCalls } from '../helpers/router';
import { withEnv } from '../helpers/env';

describe('inputs that would store something broken', () => {
  it('a NUL character in any text is refused with the field named, on every kind of call', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    expect(await fail('clients.create', { name: 'Orion\0 Kft' })).toMatchObject({ code: 'invalid_input', issues: [{ path: ['name'] }] });
    const c = (await call('clients.create', { name: 'Orion Kft' })).id;
    expect(await fail('contacts.create', { clientId: c, name: 'Anna', level: 'owner', hobbies: 'chess\0' })).toMatchObject({ issues: [{ path: ['hobbies'] }] });
    expect(await fail('layouts.save', { key: 'clients', state: { columns: [{ id: 'a\0' }] } })).toMatchObject({ issues: [{ path: ['state', 'columns', 0, 'id'] }] });
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM clients`).get()).toEqual({ n: 1 });
  });

  it('an amount that is not a real number is refused: quantity × unit price overflowing, or absurd sizes', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    const c = (await call('clients.create', { name: 'Orion Kft' })).id;
    expect(await fail('purchases.create', { clientId: c, date: '2026-01-01', quantity: 1e200, unitPrice: 1e200 })).toMatchObject({ code: 'invalid_input' });
    expect(await fail('purchases.create', { clientId: c, date: '2026-01-01', quantity: 1, amount: 1e300 })).toMatchObject({ code: 'invalid_input' });
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM purchases`).get()).toEqual({ n: 0 });
    // The importer says the same of such a line instead of storing Infinity.
    const r = await commit(db, { path: writeCsv(tempDir(), 'p.csv', 'Client;Date;Quantity;Unit price\nOrion Kft;2026-01-02;1000000000;99999999999\nOrion Kft;2026-01-02;2;3\n'), kind: 'purchases' });
    expect(r).toMatchObject({ added: 1, rejected: 1 });
    expect(inEnglish(r.reasons[0].key, r.reasons[0].params)).toMatch(/too large/);
    expect(db.sqlite.prepare(`SELECT amount FROM purchases`).all()).toEqual([{ amount: 6 }]);
  });

  it('a saved layout is capped at 64 KB', async () => {
    const { call, fail } = routerCalls(emptyDatabase());
    expect(await call('layouts.save', { key: 'clients', state: { columns: 'x'.repeat(60_000) } })).toBeNull();
    expect(await fail('layouts.save', { key: 'clients', state: { columns: 'x'.repeat(70_000) } })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/64 KB/) });
  });

  it('the CLI import runs with the app worker\'s memory cap: a file that needs more ends with a message', async () => {
    const { run } = await import('../../electron/cli/index');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir();
    writeFileSync(join(dir, 'wide.csv'), `A,B\n${'x,1\n'.repeat(2_000_000)}`);
    await withEnv({ RAPPORT_IMPORT_HEAP_MB: '16' }, () =>
      expect(async () => run(['import', 'clients', join(dir, 'wide.csv'), '--db', join(dir, 'cli.db')], () => {})).rejects.toThrow(/needed more than 16 MB of memory/),
    );
  });

  it('storage errors map to what the user can do about them', () => {
    const cases: [string, string | null][] = [
      ['SQLITE_FULL', 'disk_full'], ['SQLITE_IOERR_WRITE', 'disk_full'], ['SQLITE_IOERR', 'disk_full'], ['ENOSPC', 'disk_full'],
      ['SQLITE_READONLY', 'read_only'], ['SQLITE_READONLY_DBMOVED', 'read_only'], ['EACCES', 'read_only'],
      ['SQLITE_BUSY', 'busy'], ['SQLITE_BUSY_SNAPSHOT', 'busy'], ['SQLITE_LOCKED', 'busy'],
      ['SQLITE_CORRUPT', 'damaged'], ['SQLITE_NOTADB', 'damaged'],
      ['SQLITE_CONSTRAINT_UNIQUE', null], ['ENOENT', null],
    ];
    for (const [code, failure] of cases) expect(storageFailure({ code }), code).toBe(failure);
    expect(storageFailure(new Error('plain'))).toBeNull();
  });
});
