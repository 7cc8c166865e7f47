import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../../shared/contract';
import { createHandlers } from '../../../electron/app';
import { createRouter } from '../../../electron/router';
import { emptyDatabase } from '../../helpers/db';
import { english } from '../../helpers/router';
import { recoveryInputs, recoverySeed } from './full-disk-inputs';

const TABLES = ['clients', 'tasks', 'settings', 'recovery_reasons', 'recovery_cases', 'recovery_offers', 'recovery_referrals', 'recovery_case_tasks', 'recovery_actions'];
const dump = (s: Database.Database) => JSON.stringify(TABLES.map((t) => s.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

const RECOVERY_COMMANDS = CHANNELS.filter((c) => c.startsWith('recovery.') && contract[c].kind === 'command');

describe('the recovery writes on a full disk', () => {
  it('each either saves or says the disk is full and changes nothing', async () => {
    const db = emptyDatabase();
    const router = createRouter(db, createHandlers({ version: 't' }), { log: () => {} });
    const ids = await recoverySeed((c, i) => router.handle(c, i) as never);
    const table = recoveryInputs(ids);
    expect(Object.keys(table).sort()).toEqual([...RECOVERY_COMMANDS].sort());
    db.sqlite.pragma(`max_page_count = ${db.sqlite.pragma('page_count', { simple: true })}`);
    const pad = db.sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    for (let i = 0; ; i++) {
      try {
        pad.run(`pad.${i}`, 'p'.repeat(200));
      } catch {
        break;
      }
    }
    let refused = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (const channel of RECOVERY_COMMANDS as Channel[]) {
        const before = dump(db.sqlite);
        const res = await router.handle(channel, table[channel]());
        if (res.ok) continue;
        refused++;
        expect(res.error.code, `${channel}: ${english(res.error).message}`).toBe('disk_full');
        expect(dump(db.sqlite), `${channel} changed data although it failed`).toBe(before);
      }
    }
    expect(refused).toBeGreaterThan(RECOVERY_COMMANDS.length);
  });
});
