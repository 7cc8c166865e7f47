import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ormOf as drizzle } from '../../electron/db/connection';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { MigrationError, migrateSafely, openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { tempDir } from '../helpers/db';
import { migrationsBefore, migrationsWithExtra } from '../helpers/migrations';

const REAL = findMigrationsFolder();

/**
 * Drizzle-kit's rebuild of `clients` (e.g. after changing a column): copy,
 * drop, rename. The DROP takes the table's triggers with it, so a correct
 * rebuild re-creates them; `withTriggers: false` is the one that forgets.
 */
function rebuildClientsSql(dbPath: string, opts: { withTriggers?: boolean } = {}): string {
  const probe = new Database(dbPath, { readonly: true });
  const create = (probe.prepare(`SELECT sql FROM sqlite_master WHERE name = 'clients'`).get() as { sql: string }).sql;
  const triggers = (probe.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'clients'`).all() as { sql: string }[]).map((t) => t.sql + ';');
  probe.close();
  return [
    'PRAGMA foreign_keys=OFF;',
    create.replace(/CREATE TABLE [`"]?clients[`"]?/, 'CREATE TABLE `__new_clients`') + ';',
    'INSERT INTO `__new_clients` SELECT * FROM `clients`;',
    'DROP TABLE `clients`;',
    'ALTER TABLE `__new_clients` RENAME TO `clients`;',
    ...(opts.withTriggers === false ? [] : triggers),
    'PRAGMA foreign_keys=ON;',
  ].join('\n--> statement-breakpoint\n');
}

function seedParentAndChildren(dbPath: string, migrations = REAL): void {
  const db = openDatabase(dbPath, migrations);
  const s = db.sqlite;
  const clientId = Number(s.prepare(`INSERT INTO clients (name) VALUES ('Parent Kft.')`).run().lastInsertRowid);
  for (let i = 0; i < 3; i++) s.prepare(`INSERT INTO contacts (client_id, name, level) VALUES (?, ?, 'owner')`).run(clientId, `Person ${i}`);
  for (let i = 0; i < 5; i++) s.prepare(`INSERT INTO purchases (client_id, date, amount) VALUES (?, '2026-01-0${i + 1}', 100)`).run(clientId);
  s.close();
}

const count = (path: string, table: string) => {
  const s = new Database(path, { readonly: true });
  const n = (s.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  s.close();
  return n;
};

describe('migrations', () => {
  it('creates the schema with the pragmas the app relies on', () => {
    const db = openDatabase(join(tempDir(), 'fresh.db'), REAL);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['clients', 'contacts', 'purchases', 'interactions', 'tasks', 'managers', 'departments', 'settings']));
    db.sqlite.close();
  });

  it('upgrades a database made by the first release, keeping its data', () => {
    const path = join(tempDir(), 'v1.db');
    seedParentAndChildren(path, migrationsBefore('0001'));
    const report = migrateSafely(path, REAL);
    expect(report.applied).toBeGreaterThan(0);
    expect(count(path, 'purchases')).toBe(5);
    const s = new Database(path, { readonly: true });
    expect(s.prepare(`SELECT name FROM sqlite_master WHERE name = 'purchases_date_amount_idx'`).get()).toBeTruthy();
    s.close();
  });

  it('0003 imports: adds the import log and import ids to a database from before, keeping its rows', () => {
    const path = join(tempDir(), 'v3.db');
    seedParentAndChildren(path, migrationsBefore('0003'));
    expect(migrateSafely(path, migrationsBefore('0004')).applied).toBe(1);
    const s = new Database(path, { readonly: true });
    const cols = (t: string) => (s.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('purchases')).toContain('import_id');
    expect(cols('clients')).toContain('import_id');
    expect(cols('imports')).toEqual(['id', 'kind', 'file_name', 'file_hash', 'file_size', 'summary', 'created_at', 'undone_at']);
    expect(cols('contacts')).toContain('import_id');
    expect(cols('import_changes')).toEqual(['id', 'import_id', 'table_name', 'row_id', 'before']);
    expect(s.prepare(`SELECT count(*) AS n FROM purchases WHERE import_id IS NULL`).get()).toEqual({ n: 5 });
    s.close();
  });

  it('is a no-op on an up-to-date database', () => {
    const path = join(tempDir(), 'same.db');
    openDatabase(path, REAL).sqlite.close();
    expect(migrateSafely(path, REAL)).toEqual({ applied: 0, backupPath: null });
  });

  it('the trap is real: drizzle migrate alone cascades a parent rebuild into deleted children', () => {
    const path = join(tempDir(), 'naive.db');
    seedParentAndChildren(path);
    const folder = migrationsWithExtra(rebuildClientsSql(path));
    const s = new Database(path);
    s.pragma('foreign_keys = ON');
    migrate(drizzle(s), { migrationsFolder: folder });
    s.close();
    expect(count(path, 'clients')).toBe(1);
    expect(count(path, 'contacts')).toBe(0);
    expect(count(path, 'purchases')).toBe(0);
  });

  it('rebuilding a parent table keeps every child row', () => {
    const path = join(tempDir(), 'safe.db');
    seedParentAndChildren(path);
    const folder = migrationsWithExtra(rebuildClientsSql(path));
    const report = migrateSafely(path, folder);
    expect(report.applied).toBe(1);
    expect(count(path, 'clients')).toBe(1);
    expect(count(path, 'contacts')).toBe(3);
    expect(count(path, 'purchases')).toBe(5);
    const db = openDatabase(path, folder);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
    db.sqlite.close();
  });

  it('a rebuild that forgets the table\'s triggers is refused and the file restored', () => {
    const path = join(tempDir(), 'triggers.db');
    seedParentAndChildren(path);
    const triggers = () => {
      const s = new Database(path, { readonly: true });
      try {
        return (s.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
      } finally {
        s.close();
      }
    };
    // Every feature's triggers as the shipped migrations made them (other features add theirs over time).
    const before = triggers();
    expect(before).toEqual(expect.arrayContaining(['clients_changed_log', 'clients_deleted_epoch', 'purchases_changed_log', 'purchases_deleted_epoch']));
    const folder = migrationsWithExtra(rebuildClientsSql(path, { withTriggers: false }));
    expect(() => migrateSafely(path, folder)).toThrow(/lost the trigger\(s\) clients_deleted_epoch, clients_changed_log/);
    expect(triggers()).toEqual(before);
    const s = new Database(path, { readonly: true });
    expect(count(path, 'contacts')).toBe(3);
    s.close();
  });

  it('a failing migration restores the database exactly as it was', () => {
    const path = join(tempDir(), 'fail.db');
    seedParentAndChildren(path);
    const before = count(path, '__drizzle_migrations');
    const folder = migrationsWithExtra('DELETE FROM contacts;\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    expect(() => migrateSafely(path, folder)).toThrow(MigrationError);
    expect(count(path, 'contacts')).toBe(3);
    expect(count(path, '__drizzle_migrations')).toBe(before);
  });

  it('a migration that leaves broken references is rolled back', () => {
    const path = join(tempDir(), 'orphans.db');
    seedParentAndChildren(path);
    const folder = migrationsWithExtra('DELETE FROM clients;');
    expect(() => migrateSafely(path, folder)).toThrow(/foreign_key_check/);
    expect(count(path, 'clients')).toBe(1);
    expect(count(path, 'purchases')).toBe(5);
  });
});
