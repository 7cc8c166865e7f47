import type { Db } from '../../../electron/db/connection';
import { addDays } from '../../../shared/kernel/dates';

/** Rows written straight into the tables, so each test states exactly the history it is about. */
export function client(db: Db, name: string, o: { code?: string; importId?: number; managerId?: number; status?: string; createdAt?: string } = {}): number {
  return Number(
    db.sqlite
      .prepare(`INSERT INTO clients (name, code, import_id, manager_id, status, created_at) VALUES (?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ','now')))`)
      .run(name, o.code ?? null, o.importId ?? null, o.managerId ?? null, o.status ?? 'active', o.createdAt ? `${o.createdAt}T09:00:00.000Z` : null).lastInsertRowid,
  );
}

export function buy(db: Db, clientId: number, date: string, amount: number, product: string | null = 'Drill', archived = false): number {
  return Number(
    db.sqlite.prepare(`INSERT INTO purchases (client_id, date, product, amount, archived_at) VALUES (?, ?, ?, ?, ?)`).run(clientId, date, product, amount, archived ? '2026-01-01T00:00:00Z' : null).lastInsertRowid,
  );
}

/** A purchase every `every` days from `from` for `times` times. */
export function buyEvery(db: Db, clientId: number, from: string, every: number, times: number, amount = 100, product = 'Drill'): void {
  for (let i = 0; i < times; i++) buy(db, clientId, addDays(from, i * every), amount, product);
}

export function contact(db: Db, clientId: number, name: string, o: { birthday?: string; family?: string; hobbies?: string; level?: string } = {}): number {
  return Number(
    db.sqlite
      .prepare(`INSERT INTO contacts (client_id, name, level, birthday, family, hobbies) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(clientId, name, o.level ?? 'owner', o.birthday ?? null, o.family ?? null, o.hobbies ?? null).lastInsertRowid,
  );
}

export function note(db: Db, clientId: number, date: string, summary: string, kind = 'visit'): number {
  return Number(db.sqlite.prepare(`INSERT INTO interactions (client_id, kind, date, summary) VALUES (?, ?, ?, ?)`).run(clientId, kind, date, summary).lastInsertRowid);
}

export function manager(db: Db, name: string): number {
  return Number(db.sqlite.prepare(`INSERT INTO managers (name) VALUES (?)`).run(name).lastInsertRowid);
}

export function count(db: Db, table: string): number {
  return (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Polls a job through the contract, as the renderer's safety net does. */
export async function finished(call: (c: string, i?: unknown) => Promise<any>, jobId: string): Promise<any> {
  for (let i = 0; i < 400; i++) {
    const s = await call('jobs.status', { jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('job did not finish');
}
