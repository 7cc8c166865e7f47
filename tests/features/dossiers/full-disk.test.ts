import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../../shared/contract';
import { createHandlers } from '../../../electron/app';
import { createRouter } from '../../../electron/router';
import { emptyDatabase } from '../../helpers/db';
import { english } from '../../helpers/router';
import { dossiersFullDisk } from './full-disk-inputs';

const TABLES = ['clients', 'contacts', 'settings', ...dossiersFullDisk.tables];
const dump = (s: Database.Database) => JSON.stringify(TABLES.map((t) => s.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
const COMMANDS = CHANNELS.filter((c) => c.startsWith('dossiers.') && contract[c].kind === 'command');

describe('the dossier writes on a full disk', () => {
  it('each either saves or says the disk is full and changes nothing, the search index included', async () => {
    const db = emptyDatabase();
    const router = createRouter(db, createHandlers({ version: 't' }), { log: () => {} });
    const table = dossiersFullDisk.inputs(await dossiersFullDisk.seed((c, i) => router.handle(c, i) as never));
    expect(Object.keys(table).sort()).toEqual([...COMMANDS].sort());
    db.sqlite.pragma(`max_page_count = ${db.sqlite.pragma('page_count', { simple: true })}`);
    const pad = db.sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    for (let i = 0; ; i++) {
      try {
        pad.run(`pad.${i}`, 'p'.repeat(200));
      } catch {
        break;
      }
    }
    const fts = () => db.sqlite.prepare(`SELECT count(*) AS n FROM dossier_search`).get();
    let refused = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (const channel of COMMANDS as Channel[]) {
        const before = dump(db.sqlite);
        const indexed = fts();
        const res = await router.handle(channel, table[channel]());
        if (res.ok) continue;
        refused++;
        expect(res.error.code, `${channel}: ${english(res.error).message}`).toBe('disk_full');
        expect(dump(db.sqlite), `${channel} changed data although it failed`).toBe(before);
        expect(fts()).toEqual(indexed);
      }
    }
    expect(refused).toBeGreaterThan(COMMANDS.length);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
