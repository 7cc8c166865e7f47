import type { UndoKept, UndoKeptField, UndoPlan, UndoReferrer, UndoResult } from '../../../shared/features/import/types';
import { isPortraitKey, PORTRAIT_PREFIX } from '../../../shared/features/import/fields';
import type { Db } from '../../db/connection';
import { fieldsRepo } from '../accounts';
import { IMPORT_COLUMNS, importValues, restoreFields, type ImportTable, type ImportValues } from './repository';
import { sameValue as same } from './row-update';

/** How many kept records and fields a plan names one by one; the counts are always complete. */
const LISTED = 200;

interface ChangeRow {
  id: number;
  tableName: ImportTable;
  rowId: number;
  before: string;
  after: string | null;
}

interface Computed {
  plan: UndoPlan;
  contactIds: number[];
  clientIds: number[];
  restores: { table: ImportTable; id: number; values: ImportValues }[];
}

/** What a row of each referring table is, as the plan names it (the renderer translates it: import:undoBy.*). */
const REFERRER = { interactions: 'interaction', tasks: 'task', contacts: 'contact', clients: 'client' } as const satisfies Record<string, UndoReferrer>;

/** Ids that point at other rows, read once: a per-candidate query would scan unindexed columns thousands of times. */
function referencesTo(db: Db, column: string, from: keyof typeof REFERRER): Map<number, { kind: UndoReferrer; id: number }[]> {
  const m = new Map<number, { kind: UndoReferrer; id: number }[]>();
  const rows = db.sqlite.prepare(`SELECT ${column} AS target, id FROM ${from} WHERE ${column} IS NOT NULL`).raw(true).all() as [number, number][];
  const kind = REFERRER[from];
  for (const [target, id] of rows) {
    let list = m.get(target);
    if (!list) m.set(target, (list = []));
    list.push({ kind, id });
  }
  return m;
}

/** The import's own purchase lines that nobody touched since: the ones undo removes. */
const OWN_LINES = `import_id = @importId AND updated_at = created_at`;

/**
 * Decides what undoing an import does, without writing: rows the import
 * created go unless someone edited them since (their updated_at moved off the
 * import's stamp) or something that stays refers to them; fields the import
 * changed go back only while they still hold what the import wrote.
 */
function compute(db: Db, importId: number): Computed {
  const s = db.sqlite;
  const rec = s.prepare(`SELECT file_name AS fileName FROM imports WHERE id = ?`).get(importId) as { fileName: string };
  const kept: UndoKept[] = [];
  let keptCount = 0;
  const keep = (k: UndoKept) => {
    keptCount++;
    if (kept.length < LISTED) kept.push(k);
  };

  const editedLines = s.prepare(`SELECT id, product, date FROM purchases WHERE import_id = @importId AND updated_at <> created_at`).all({ importId }) as { id: number; product: string | null; date: string }[];
  for (const p of editedLines) keep({ table: 'purchases', id: p.id, label: `${p.date} ${p.product ?? ''}`.trim(), reason: 'edited' });
  const removeLines = (s.prepare(`SELECT count(*) AS n FROM purchases WHERE ${OWN_LINES}`).get({ importId }) as { n: number }).n;

  const contactRefs = [referencesTo(db, 'contact_id', 'interactions'), referencesTo(db, 'contact_id', 'tasks'), referencesTo(db, 'reports_to_id', 'contacts')];
  const contacts = s.prepare(`SELECT id, client_id AS clientId, name, updated_at <> created_at AS edited FROM contacts WHERE import_id = ?`).all(importId) as { id: number; clientId: number; name: string; edited: number }[];
  const goingContacts = new Set(contacts.filter((c) => !c.edited).map((c) => c.id));
  for (const c of contacts) if (c.edited) keep({ table: 'contacts', id: c.id, label: c.name, reason: 'edited' });
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  // A contact someone else refers to stays, and then so does what it refers to: repeat until nothing moves.
  for (let moved = true; moved; ) {
    moved = false;
    for (const id of goingContacts) {
      const by = contactRefs.flatMap((m) => m.get(id) ?? []).find((r) => !(r.kind === 'contact' && goingContacts.has(r.id)));
      if (by) {
        goingContacts.delete(id);
        keep({ table: 'contacts', id, label: contactById.get(id)?.name ?? '', reason: 'referenced', by: by.kind });
        moved = true;
      }
    }
  }

  const clients = s.prepare(`SELECT id, name, updated_at <> created_at AS edited FROM clients WHERE import_id = ?`).all(importId) as { id: number; name: string; edited: number }[];
  const goingClients = new Set(clients.filter((c) => !c.edited).map((c) => c.id));
  for (const c of clients) if (c.edited) keep({ table: 'clients', id: c.id, label: c.name, reason: 'edited' });
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const stayingLine = s.prepare(`SELECT 1 FROM purchases WHERE client_id = @id AND NOT (${OWN_LINES}) LIMIT 1`);
  const otherRefs = [referencesTo(db, 'client_id', 'interactions'), referencesTo(db, 'client_id', 'tasks'), referencesTo(db, 'referred_by_id', 'clients')];
  const contactsOf = new Map<number, number[]>();
  for (const [id, clientId] of s.prepare(`SELECT id, client_id FROM contacts`).raw(true).all() as [number, number][]) {
    let list = contactsOf.get(clientId);
    if (!list) contactsOf.set(clientId, (list = []));
    list.push(id);
  }
  const referrer = (id: number): UndoReferrer | null => {
    if (stayingLine.get({ id, importId })) return 'purchase';
    if ((contactsOf.get(id) ?? []).some((c) => !goingContacts.has(c))) return 'contact';
    const by = otherRefs.flatMap((m) => m.get(id) ?? []).find((r) => !(r.kind === 'client' && goingClients.has(r.id)));
    return by ? by.kind : null;
  };
  for (let moved = true; moved; ) {
    moved = false;
    for (const id of goingClients) {
      const by = referrer(id);
      if (by) {
        goingClients.delete(id);
        keep({ table: 'clients', id, label: clientName.get(id) ?? '', reason: 'referenced', by });
        moved = true;
      }
    }
  }

  const keptFields: UndoKeptField[] = [];
  let keptFieldCount = 0;
  const restores: Computed['restores'] = [];
  const changes = s.prepare(`SELECT id, table_name AS tableName, row_id AS rowId, before, after FROM import_changes WHERE import_id = ? ORDER BY id DESC`).all(importId) as ChangeRow[];
  const label = (table: ImportTable, id: number) =>
    ((s.prepare(`SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string } | undefined)?.name ?? `#${id}`);
  let portraitLabels: Map<string, string> | undefined;
  const fieldLabel = (f: string) => {
    portraitLabels ??= new Map(fieldsRepo.list(db, { includeArchived: true }).reverse().map((x) => [PORTRAIT_PREFIX + x.key, x.label]));
    return portraitLabels.get(f) ?? f.slice(PORTRAIT_PREFIX.length);
  };
  for (const ch of changes) {
    const current = importValues(db, ch.tableName, ch.rowId);
    if (!current) continue;
    const before = JSON.parse(ch.before) as ImportValues;
    const after = ch.after === null ? null : (JSON.parse(ch.after) as ImportValues);
    const values: ImportValues = {};
    // A client's portrait fields are recorded one by one, as its columns are.
    const portrait = new Set([...Object.keys(before), ...Object.keys(after ?? {})].filter(isPortraitKey));
    for (const f of [...IMPORT_COLUMNS[ch.tableName].map(([k]) => k as string), ...portrait]) {
      // A field the import left as it was is not the import's to put back, whatever happened to it since.
      if (after !== null && same(after[f], before[f])) continue;
      if (same(current[f], before[f])) continue;
      // Put back only what still reads as the import left it; anything else someone typed since.
      if (after !== null && same(current[f], after[f])) values[f] = before[f] ?? null;
      else {
        keptFieldCount++;
        if (keptFields.length < LISTED) {
          keptFields.push({ table: ch.tableName, id: ch.rowId, label: label(ch.tableName, ch.rowId), field: f, ...(isPortraitKey(f) ? { fieldLabel: fieldLabel(f) } : {}), reason: after === null ? 'not_recorded' : 'changed_since' });
        }
      }
    }
    if (Object.keys(values).length) restores.push({ table: ch.tableName, id: ch.rowId, values });
  }

  return {
    plan: {
      importId,
      fileName: rec.fileName,
      remove: { purchases: removeLines, contacts: goingContacts.size, clients: goingClients.size },
      restoreRecords: restores.length,
      restoreFields: restores.reduce((n, r) => n + Object.keys(r.values).length, 0),
      kept,
      keptCount,
      keptFields,
      keptFieldCount,
    },
    contactIds: [...goingContacts],
    clientIds: [...goingClients],
    restores,
  };
}

export function planUndo(db: Db, importId: number): UndoPlan {
  return compute(db, importId).plan;
}

function deleteIds(db: Db, table: 'contacts' | 'clients', ids: number[]): number {
  let n = 0;
  const st = db.sqlite.prepare(`DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += 10_000) n += st.run(JSON.stringify(ids.slice(i, i + 10_000))).changes;
  return n;
}

/**
 * Carries out the plan, recomputed inside the caller's transaction so it is
 * exactly what the data says at that moment. Rows that stay are no longer
 * counted as the import's.
 */
export function applyUndo(db: Db, importId: number): UndoResult & { plan: UndoPlan } {
  const c = compute(db, importId);
  const s = db.sqlite;
  for (const r of c.restores) restoreFields(db, r.table, r.id, r.values);
  const purchases = s.prepare(`DELETE FROM purchases WHERE ${OWN_LINES}`).run({ importId }).changes;
  const contacts = deleteIds(db, 'contacts', c.contactIds);
  const clients = deleteIds(db, 'clients', c.clientIds);
  const keptClients = (s.prepare(`SELECT count(*) AS n FROM clients WHERE import_id = ?`).get(importId) as { n: number }).n;
  for (const t of ['purchases', 'contacts', 'clients']) s.prepare(`UPDATE ${t} SET import_id = NULL WHERE import_id = ?`).run(importId);
  s.prepare(`UPDATE imports SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(importId);
  return { purchases, contacts, clients, restored: c.restores.length, keptClients, plan: c.plan };
}
