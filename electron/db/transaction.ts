import type { Db } from './connection';

export function inTransaction<T>(db: Db, fn: () => T): T {
  // IMMEDIATE: take the write lock at the start, so a read-then-write never fails half-way on another writer.
  return db.sqlite.transaction(fn).immediate();
}

export function tableCount(db: Db, table: 'clients' | 'purchases' | 'contacts' | 'interactions' | 'tasks'): number {
  return (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
