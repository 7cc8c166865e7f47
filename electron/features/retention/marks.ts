import type { Db } from '../../db/connection';

/**
 * Where the purchase data stands, without a clock: the newest purchase id,
 * the newest change-log entry about a purchase, and the hard-delete counter.
 * A fit made at one mark is valid for exactly that data.
 */
export function purchaseMark(db: Db): string {
  const m = db.sqlite
    .prepare(`SELECT COALESCE((SELECT MAX(id) FROM purchases), 0) AS p,
                     COALESCE((SELECT id FROM change_log WHERE table_name = 'purchases' ORDER BY id DESC LIMIT 1), 0) AS l,
                     COALESCE((SELECT deletes FROM analytics_epoch WHERE id = 1), 0) AS d`)
    .get() as { p: number; l: number; d: number };
  return `${m.p}:${m.l}:${m.d}`;
}

/** Moves whenever an interaction is written (the touch triggers count them). */
export function touchMark(db: Db): number {
  return (db.sqlite.prepare(`SELECT touches FROM retention_epoch WHERE id = 1`).get() as { touches: number } | undefined)?.touches ?? 0;
}

/** Moves whenever a client is first seen (rows are only ever added, or removed with their client). */
export function seenMark(db: Db): string {
  const m = db.sqlite.prepare(`SELECT count(*) AS n, COALESCE(MAX(client_id), 0) AS hi FROM retention_seen`).get() as { n: number; hi: number };
  return `${m.n}:${m.hi}`;
}

/**
 * Moves on any committed change to the file: `data_version` when another
 * connection (a worker, the CLI) commits, `total_changes()` when this one
 * writes. Equal marks mean nothing at all changed, so an answer computed at
 * one mark may be given again.
 */
export function fileMark(db: Db): string {
  const m = db.sqlite.prepare(`SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v`).get() as { t: number; v: number };
  return `${m.v}:${m.t}`;
}

const reminderWrites = new WeakMap<Db['sqlite'], number>();

/**
 * Counts a row written to retention_reminders by this connection (exactly one
 * change: REPLACE's own deletion is not counted by SQLite), so `listsMark`
 * can leave it out: a snooze changes which items show, not the lists.
 */
export function countReminderWrite(db: Db): void {
  reminderWrites.set(db.sqlite, (reminderWrites.get(db.sqlite) ?? 0) + 1);
}

/** Like `fileMark`, but still after this connection's writes of reminder states alone: Today's gathered lists hold across a snooze or a done. */
export function listsMark(db: Db): string {
  const m = db.sqlite.prepare(`SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v`).get() as { t: number; v: number };
  return `${m.v}:${m.t - (reminderWrites.get(db.sqlite) ?? 0)}`;
}
