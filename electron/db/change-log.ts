import type { Db } from './connection';

/** How many log entries are kept: far more than any running cache lags behind; one that does lag reloads in full. */
export const CHANGE_LOG_KEEP = 50_000;

export function pruneChangeLog(db: Db, keep = CHANGE_LOG_KEEP): number {
  // A file migrated by an older set of migrations (tests of upgrades) has no log yet.
  if (!db.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'`).get()) return 0;
  return db.sqlite.prepare(`DELETE FROM change_log WHERE id <= (SELECT MAX(id) FROM change_log) - ?`).run(keep).changes;
}
