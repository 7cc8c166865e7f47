import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../electron/cli/index';
import { fileState, setProcessKey } from '../../../electron/db/connection';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import {
  formatRecoveryKey, keyAtStart, keyFromPassphrase, keyFromSecret, loadKey, newKey, parseKey, removePassphrase, setPassphrase, storeKey, unlockWith,
} from '../../../electron/features/privacy/keys';
import { tempDir } from '../../helpers/db';
import { CLI, tsxCommand } from '../../helpers/child';
import { fakeSecrets } from './helpers';
import { withEnv } from '../../helpers/env';

const MIGRATIONS = findMigrationsFolder();

/** One command line in this process, with what it printed on stdout and stderr. */
async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  return withEnv({ RAPPORT_KEY: undefined, ...env }, async () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      const code = await run(args, (s) => (out += s));
      return { code, out, err };
    } finally {
      spy.mockRestore();
    }
  });
}

afterEach(() => setProcessKey(undefined));

describe('the key and the passphrase', () => {
  it('the recovery key is the key, printable and read back in any spelling', () => {
    const key = newKey();
    const printed = formatRecoveryKey(key);
    expect(printed).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    for (const spelling of [printed, printed.toLowerCase(), ` ${printed.replaceAll('-', ' ')}\n`, key, `x'${key}'`]) expect(parseKey(spelling)).toBe(key);
    expect(parseKey('not a key')).toBeNull();
    expect(parseKey(key.slice(1))).toBeNull();
  });

  it('is sealed by the OS beside the database; another computer cannot unseal it; the passphrase or recovery key unlocks it there', async () => {
    const path = join(tempDir(), 'k.db');
    const here = fakeSecrets('os', 'laptop');
    const start = keyAtStart(path, here);
    expect(start.unlock).toBe(false);
    openDatabase(path, MIGRATIONS, { key: start.key }).sqlite.close();
    expect(fileState(path)).toBe('encrypted');
    expect(loadKey(path, here)).toBe(start.key);
    expect(readFileSync(`${path}.keys`, 'utf8')).not.toContain(start.key!);
    expect(statSync(`${path}.keys`).mode & 0o077).toBe(0);
    expect(keyAtStart(path, here)).toEqual({ key: start.key, unlock: false });
    // The file (and its .keys) copied to another computer: its store cannot unseal the key.
    const there = fakeSecrets('os', 'desktop');
    expect(keyAtStart(path, there)).toEqual({ unlock: true });
    const recovery = await setPassphrase(path, start.key!, 'a long enough passphrase');
    expect(parseKey(recovery)).toBe(start.key);
    const opens = (k: string) => k === start.key;
    expect(await unlockWith(path, there, 'wrong passphrase!', opens)).toBeNull();
    expect(await keyFromPassphrase(path, 'a long enough passphrase')).toBe(start.key);
    expect(await unlockWith(path, there, 'a long enough passphrase', opens)).toBe(start.key);
    expect(loadKey(path, there)).toBe(start.key);
    // The recovery key works without any passphrase set.
    removePassphrase(path);
    expect(await keyFromSecret(path, 'a long enough passphrase')).toBeNull();
    expect(await keyFromSecret(path, recovery)).toBe(start.key);
    storeKey(path, here, start.key!);
    expect(loadKey(path, here)).toBe(start.key);
  }, 120_000);

  it('without a secret store a new database stays plain rather than keep its key in clear', () => {
    const path = join(tempDir(), 'none.db');
    expect(keyAtStart(path, fakeSecrets('none'))).toEqual({ unlock: false });
    expect(keyAtStart(path, null)).toEqual({ unlock: false });
  });
});

describe('the command line', () => {
  it('a database created without a key is plain and the CLI says so; with RAPPORT_KEY or --key-file it is encrypted', async () => {
    const dir = tempDir();
    const plain = await cli(['demo', '--db', join(dir, 'plain.db'), '--clients', '5', '--purchases', '50']);
    expect(plain.code).toBe(0);
    expect(plain.err).toMatch(/created without encryption \(no --key-file or RAPPORT_KEY given\)/);
    expect(fileState(join(dir, 'plain.db'))).toBe('plain');

    const key = newKey();
    const withEnv = await cli(['demo', '--db', join(dir, 'env.db'), '--clients', '5', '--purchases', '50'], { RAPPORT_KEY: key });
    expect(withEnv.code).toBe(0);
    expect(withEnv.err).not.toMatch(/without encryption/);
    expect(fileState(join(dir, 'env.db'))).toBe('encrypted');
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${formatRecoveryKey(key)}\n`);
    const listed = await cli(['clients', '--db', join(dir, 'env.db'), '--json', '--key-file', keyFile]);
    const env = openDatabase(join(dir, 'env.db'), MIGRATIONS, { key });
    expect(JSON.parse(listed.out)).toHaveLength(env.sqlite.prepare(`SELECT count(*) FROM clients`).pluck().get() as number);
    env.sqlite.close();
  });

  it('a wrong key, a missing one and an unreadable key file end with a clear message and exit 1, the file untouched', () => {
    const dir = tempDir();
    const path = join(dir, 'locked.db');
    const key = newKey();
    openDatabase(path, MIGRATIONS, { key }).sqlite.close();
    const before = readFileSync(path);
    const [node, ...args] = tsxCommand(CLI, ['clients', '--db', path, '--json']);
    const runIt = (extra: string[], env: Record<string, string> = {}) => spawnSync(node, [...args, ...extra], { encoding: 'utf8', env: { ...process.env, RAPPORT_KEY: '', ...env } });
    const wrong = runIt([], { RAPPORT_KEY: newKey() });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/does not open .*locked\.db: it is the wrong key/);
    const none = runIt([]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/is encrypted \(or damaged\)/);
    const noFile = runIt(['--key-file', join(dir, 'missing.key')]);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toMatch(/Cannot read the key file/);
    const notAKey = runIt([], { RAPPORT_KEY: 'letmein' });
    expect(notAKey.status).toBe(1);
    expect(notAKey.stderr).toMatch(/holds neither a key .* nor the passphrase/);
    expect(readFileSync(path).equals(before)).toBe(true);
    const right = runIt([], { RAPPORT_KEY: key });
    expect(right.status, right.stderr).toBe(0);
  }, 400_000);

  it('the passphrase opens the database from the command line too', async () => {
    const path = join(tempDir(), 'pass.db');
    const key = newKey();
    openDatabase(path, MIGRATIONS, { key }).sqlite.close();
    await setPassphrase(path, key, 'correct horse battery staple');
    expect((await cli(['clients', '--db', path, '--json'], { RAPPORT_KEY: 'correct horse battery staple' })).code).toBe(0);
  });

  it('encrypt converts a plain database, writing a new key file first', async () => {
    const dir = tempDir();
    const path = join(dir, 'conv.db');
    await cli(['demo', '--db', path, '--clients', '20', '--purchases', '400']);
    const clients = JSON.parse((await cli(['clients', '--db', path, '--json'])).out).length;
    const keyFile = join(dir, 'new.key');
    const r = await cli(['encrypt', '--db', path, '--new-key-file', keyFile]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Encrypted .*conv\.db \(a verified encrypted backup was made first: 000001-.*-migration\.db/);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(fileState(path)).toBe('encrypted');
    const listed = await cli(['clients', '--db', path, '--json', '--key-file', keyFile]);
    expect(JSON.parse(listed.out).length).toBe(clients);
    expect((await cli(['encrypt', '--db', path, '--key-file', keyFile]).catch((e: Error) => ({ code: 2, err: e.message, out: '' }))).err).toMatch(/already encrypted/);
  });

  it('person export and person erase, with a preview until --yes', async () => {
    const dir = tempDir();
    const path = join(dir, 'p.db');
    const db = openDatabase(path, MIGRATIONS);
    const c = Number(db.sqlite.prepare(`INSERT INTO clients (name) VALUES ('Orion')`).run().lastInsertRowid);
    const id = Number(db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level, hobbies) VALUES (?, 'Ilona Szép', 'owner', 'CANARY-CLI')`).run(c).lastInsertRowid);
    db.sqlite.prepare(`INSERT INTO interactions (client_id, contact_id, kind, date, summary) VALUES (?, ?, 'call', '2026-01-01', 'Ilona Szép called')`).run(c, id);
    db.sqlite.close();
    const out = join(dir, 'ilona.json');
    const ex = await cli(['person', 'export', '--contact', String(id), '--db', path, '--out', out, '--json']);
    expect(JSON.parse(ex.out)).toEqual({ json: out, xlsx: join(dir, 'ilona.xlsx') });
    expect(JSON.parse(readFileSync(out, 'utf8')).contact.hobbies).toBe('CANARY-CLI');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'ilona.xlsx'));
    expect(wb.worksheets[0].getCell('A1').value).toMatch(/^Personal data of Ilona Szép, exported \d{4}-\d{2}-\d{2}$/);

    const preview = await cli(['person', 'erase', '--contact', String(id), '--db', path]);
    expect(preview.code).toBe(2);
    expect(preview.out).toMatch(/would:\n  remove 1 from contacts: \d+\n  rewrite interactions #\d+ \(summary\)\n[\s\S]*Nothing was erased: add --yes/);
    const erased = await cli(['person', 'erase', '--contact', String(id), '--db', path, '--yes', '--json']);
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.out)).toMatchObject({ erased: true, totals: { removed: 1, redacted: 1 }, checkpointed: true });
    expect(readFileSync(path).includes('CANARY-CLI')).toBe(false);
    expect(() => run(['person', 'erase', '--db', path, '--yes'])).toThrow(/--contact ID or --client ID/);
  });
});
