import { addDays } from '../../../shared/kernel/dates';
import type { Db } from '../../../electron/db/connection';

/** A client with purchases written straight into the file: `days` ISO dates, each with its amount. */
export function clientWith(db: Db, name: string, lines: [string, number][], extra: { status?: string; managerId?: number | null; typeId?: number | null; profile?: object; code?: string } = {}): number {
  const id = Number(
    db.sqlite
      .prepare(`INSERT INTO clients (name, code, status, manager_id, type_id, profile) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(name, extra.code ?? null, extra.status ?? 'active', extra.managerId ?? null, extra.typeId ?? null, JSON.stringify(extra.profile ?? {})).lastInsertRowid,
  );
  const ins = db.sqlite.prepare(`INSERT INTO purchases (client_id, date, product, quantity, amount) VALUES (?, ?, 'Cordless drill', 1, ?)`);
  for (const [date, amount] of lines) ins.run(id, date, amount);
  return id;
}

/** Every `step` days from `from` up to `to` (inclusive), each with `amount` (or what `amountOn` says). */
export function every(step: number, from: string, to: string, amount: number | ((date: string) => number)): [string, number][] {
  const out: [string, number][] = [];
  for (let d = from; d <= to; d = addDays(d, step)) out.push([d, typeof amount === 'number' ? amount : amount(d)]);
  return out;
}

export const manager = (db: Db, name: string): number => Number(db.sqlite.prepare(`INSERT INTO managers (name) VALUES (?)`).run(name).lastInsertRowid);

export const reasonId = (db: Db, code: string): number => (db.sqlite.prepare(`SELECT id FROM recovery_reasons WHERE code = ?`).get(code) as { id: number }).id;

export const statusOf = (db: Db, id: number): string => (db.sqlite.prepare(`SELECT status FROM clients WHERE id = ?`).get(id) as { status: string }).status;
