import type { MergeRecord } from '../../../shared/features/accounts/types';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';
import { AppError, fieldError, notFound } from '../../errors';
import { clientsRepo } from './repository';

/** Where the merges are recorded until a table of their own lands (see MERGES_KEPT). */
export const MERGES_SETTING = 'accounts.merges';
/** The most recent merges kept in the record. */
export const MERGES_KEPT = 500;

export interface ClientReference {
  table: string;
  column: string;
  /** The row's other columns that name a client (its own id, for the clients table): a row is not moved onto the kept client twice. */
  siblings: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every column in the file that names a client, read from the schema as it is
 * now, so tables other features add (dossiers, recovery cases, retention
 * marks…) move too without this feature knowing them: declared foreign keys to
 * `clients`, and columns called client_id or referred_by_id that declare none
 * (search indexes, caches).
 */
export function clientReferences(db: Db): ClientReference[] {
  const s = db.sqlite;
  const tables = (s.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  const refs: ClientReference[] = [];
  for (const table of tables) {
    const fks = s.prepare(`SELECT "from" AS col, "table" AS target FROM pragma_foreign_key_list(?)`).all(table) as { col: string; target: string }[];
    const declared = new Set(fks.map((f) => f.col));
    const cols = new Set(fks.filter((f) => f.target === 'clients').map((f) => f.col));
    for (const c of s.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]) {
      if ((c.name === 'client_id' || c.name === 'referred_by_id') && !declared.has(c.name)) cols.add(c.name);
    }
    const list = [...cols].sort();
    for (const column of list) refs.push({ table, column, siblings: [...list.filter((x) => x !== column), ...(table === 'clients' ? ['id'] : [])] });
  }
  return refs;
}

const refLabel = (r: ClientReference) => (r.column === 'client_id' ? r.table : `${r.table}.${r.column}`);

// Fields the kept client takes from the duplicate when it has none of its own.
const FILLABLE = ['code', 'taxId', 'email', 'phone', 'website', 'city', 'country', 'managerId', 'departmentId', 'potentialAnnual', 'source', 'referredById'] as const;
const FLAGS = ['reputation', 'innovator', 'demanding', 'keyPotential'] as const;
const empty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Merges `mergeId` into `keepId` inside the caller's transaction: every row
 * that references the duplicate moves to the kept client, the kept client's
 * empty fields are filled from the duplicate (flags add up, notes are joined),
 * and the duplicate is archived, not deleted, so whatever could not move (the
 * kept client already has the one dossier a client may have) stays attached
 * to it and nothing is lost. The merge is recorded.
 */
export function mergeClients(db: Db, input: { keepId: number; mergeId: number }): MergeRecord {
  const keep = clientsRepo.get(db, input.keepId);
  const dup = clientsRepo.get(db, input.mergeId);
  if (!keep) throw notFound('accounts:nouns.client', input.keepId);
  if (!dup) throw notFound('accounts:nouns.client', input.mergeId);
  if (keep.archivedAt) throw fieldError('keepId', 'accounts:errors.mergeArchived', { name: keep.name });
  if (dup.archivedAt) throw fieldError('mergeId', 'accounts:errors.mergeArchived', { name: dup.name });
  const s = db.sqlite;

  const moved: Record<string, number> = {};
  const stayed: Record<string, number> = {};
  for (const ref of clientReferences(db)) {
    const t = quote(ref.table);
    const c = quote(ref.column);
    const notOnKept = ref.siblings.map((x) => ` AND ${quote(x)} IS NOT @keep`).join('');
    // OR IGNORE: a row the kept client already has its own of (a unique per client) stays with the duplicate.
    const n = s.prepare(`UPDATE OR IGNORE ${t} SET ${c} = @keep WHERE ${c} = @merge${notOnKept}`).run({ keep: keep.id, merge: dup.id }).changes;
    const left = (s.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE ${c} = ?`).get(dup.id) as { n: number }).n;
    if (n) moved[refLabel(ref)] = n;
    if (left) stayed[refLabel(ref)] = left;
  }

  const values: Record<string, unknown> = {};
  const filled: string[] = [];
  for (const f of FILLABLE) {
    if (!empty(keep[f]) || empty(dup[f])) continue;
    if (f === 'referredById' && dup.referredById === keep.id) continue;
    values[f] = dup[f];
    filled.push(f);
  }
  for (const f of FLAGS) {
    if (!keep[f] && dup[f]) {
      values[f] = true;
      filled.push(f);
    }
  }
  if (keep.typeId === null && dup.typeId !== null) {
    values.typeId = dup.typeId;
    values.profile = JSON.stringify(dup.profile);
    filled.push('typeId');
  } else if (keep.typeId === dup.typeId) {
    const extra = Object.entries(dup.profile).filter(([k, v]) => empty(keep.profile[k]) && !empty(v));
    if (extra.length) {
      values.profile = JSON.stringify({ ...keep.profile, ...Object.fromEntries(extra) });
      filled.push('profile');
    }
  }
  if (dup.notes && dup.notes !== keep.notes) {
    values.notes = keep.notes ? `${keep.notes}\n\n${dup.notes}` : dup.notes;
    filled.push('notes');
  }
  // A code is unique: the duplicate gives it up before the kept client takes it.
  if (values.code !== undefined) clientsRepo.update(db, dup.id, { code: null });
  if (Object.keys(values).length) clientsRepo.update(db, keep.id, values);
  if (!clientsRepo.setArchived(db, dup.id, true)) throw new AppError('conflict', 'accounts:errors.mergeFailed');

  const record: MergeRecord = {
    at: new Date().toISOString(),
    keptId: keep.id,
    keptName: keep.name,
    mergedId: dup.id,
    mergedName: dup.name,
    mergedCode: dup.code,
    moved,
    stayed,
    filled,
  };
  const log = readSetting<MergeRecord[]>(db, MERGES_SETTING) ?? [];
  writeSetting(db, MERGES_SETTING, [record, ...log].slice(0, MERGES_KEPT));
  return record;
}

export const mergeHistory = (db: Db, limit = 50): MergeRecord[] => (readSetting<MergeRecord[]>(db, MERGES_SETTING) ?? []).slice(0, limit);
