import type { Db, Sqlite } from '../../db/connection';
import { AppError } from '../../errors';
import type { ErasureReport, ErasureSubject, RecordRef } from '../../../shared/features/privacy/types';
import { matcher, type Matcher, type Named } from './mentions';

/** Free text that may name a person, table by table. Rows of the subject itself are deleted instead. */
const TEXT: { table: string; cols: string[] }[] = [
  { table: 'interactions', cols: ['summary', 'outcome'] },
  { table: 'tasks', cols: ['title', 'notes'] },
  { table: 'contacts', cols: ['role', 'family', 'hobbies', 'food_preferences', 'notes'] },
  { table: 'clients', cols: ['notes'] },
  // What an import replaced, kept for undo: the old values of other rows can name them too.
  { table: 'import_changes', cols: ['before', 'after'] },
  // An import's report keeps rejected lines' reasons, which may quote a value.
  { table: 'imports', cols: ['summary'] },
];

interface Person extends Named {
  id: number;
  clientId: number;
}

interface Plan {
  report: Omit<ErasureReport, 'backupsToExpire' | 'checkpointed'>;
  writes: (() => void)[];
}

const FN = 'rapport_privacy_names';

/** The people an erasure is about: one contact, or every contact of a client. */
function subjectPeople(s: Sqlite, subject: ErasureSubject): Person[] {
  const cols = `id, client_id AS clientId, name, email, phone`;
  if (subject.kind === 'contact') {
    const p = s.prepare(`SELECT ${cols} FROM contacts WHERE id = ?`).get(subject.id) as Person | undefined;
    if (!p) throw new AppError('not_found', 'common:errors.notFound', { what: { key: 'privacy:nouns.contact' }, id: subject.id });
    return [p];
  }
  if (!s.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(subject.id)) throw new AppError('not_found', 'common:errors.notFound', { what: { key: 'privacy:nouns.client' }, id: subject.id });
  return s.prepare(`SELECT ${cols} FROM contacts WHERE client_id = ?`).all(subject.id) as Person[];
}

const tableExists = (s: Sqlite, name: string) => Boolean(s.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name));
const ids = (s: Sqlite, sql: string, ...params: unknown[]) => (s.prepare(sql).pluck().all(...params) as number[]);
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Text columns of a table another feature owns (dossiers), found by SQL: read only if it exists. */
function textColumns(s: Sqlite, table: string): string[] {
  return (s.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[])
    .filter((c) => c.type === '' || /TEXT|CHAR|CLOB/i.test(c.type))
    .map((c) => c.name);
}

function ftsTables(s: Sqlite): { name: string; external: boolean; version: 3 | 4 | 5 }[] {
  return (s.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as { name: string; sql: string }[]).flatMap((t) => {
    const m = /USING\s+fts([345])/i.exec(t.sql);
    return m ? [{ name: t.name, external: /content\s*=\s*['"]?[^'"\s,)]+/i.test(t.sql) && !/content\s*=\s*(''|"")/i.test(t.sql), version: Number(m[1]) as 3 | 4 | 5 }] : [];
  });
}

/** The rows of `table` whose text columns the matcher finds (names, or only the surname when `loose`). */
function hits(s: Sqlite, table: string, cols: string[], extra = '', params: unknown[] = [], idCol = 'id'): Record<string, unknown>[] {
  if (!cols.length) return [];
  const where = cols.map((c) => `${FN}(${q(c)})`).join(' OR ');
  return s.prepare(`SELECT ${idCol} AS __id, ${cols.map(q).join(', ')} FROM ${q(table)} WHERE (${where})${extra}`).all(...params) as Record<string, unknown>[];
}

/**
 * Works out everything an erasure removes, rewrites and leaves for review,
 * with the writes that do it (nothing is written until they run). The same
 * pass serves the preview and the erasure, so what was shown is what is done.
 */
function plan(db: Db, subject: ErasureSubject): Plan {
  const s = db.sqlite;
  const people = subjectPeople(s, subject);
  const m: Matcher = matcher(people);
  s.function(FN, { deterministic: true }, (t: unknown) => (m.names(t) || m.mayName(t) ? 1 : 0));
  const personIds = people.map((p) => p.id);
  const inList = (n: number) => `(${Array(n).fill('?').join(',')})`;
  const removed: { table: string; ids: number[] }[] = [];
  const redacted: RecordRef[] = [];
  const toReview: RecordRef[] = [];
  const searchIndex: { table: string; rows: number }[] = [];
  const writes: (() => void)[] = [];
  const ownClient = subject.kind === 'client' ? subject.id : null;

  // 1. The rows that are the person (or the client): deleted; foreign keys cascade or cut the links.
  const gone = (table: string, list: number[]) => list.length && removed.push({ table, ids: list });
  if (subject.kind === 'client') {
    for (const t of ['purchases', 'interactions', 'tasks', 'contacts']) gone(t, ids(s, `SELECT id FROM ${t} WHERE client_id = ? ORDER BY id`, subject.id));
    gone('clients', [subject.id]);
  } else gone('contacts', personIds);
  const changeRows = [
    ...(personIds.length ? ids(s, `SELECT id FROM import_changes WHERE table_name = 'contacts' AND row_id IN ${inList(personIds.length)} ORDER BY id`, ...personIds) : []),
    ...(ownClient !== null ? ids(s, `SELECT id FROM import_changes WHERE table_name = 'clients' AND row_id = ? ORDER BY id`, ownClient) : []),
  ];
  gone('import_changes', changeRows);
  // Other clients this one referred: the link goes with it (ON DELETE SET NULL); say so.
  if (ownClient !== null) for (const id of ids(s, `SELECT id FROM clients WHERE referred_by_id = ? AND id <> ?`, ownClient, ownClient)) redacted.push({ table: 'clients', id, fields: ['referred_by_id'] });

  // 2. Text elsewhere that names them: the name, e-mail and phone cut out; a surname alone left for review.
  const goneIds = new Map(removed.map((r) => [r.table, new Set(r.ids)]));
  for (const t of TEXT) {
    for (const row of hits(s, t.table, t.cols)) {
      const id = row.__id as number;
      if (goneIds.get(t.table)?.has(id)) continue;
      const changed: string[] = [];
      const review: string[] = [];
      const values: Record<string, string> = {};
      for (const c of t.cols) {
        const v = row[c];
        if (typeof v !== 'string') continue;
        const next = m.names(v) ? m.redact(v) : v;
        if (next !== v) (changed.push(c), (values[c] = next));
        if (m.mayName(next)) review.push(c);
      }
      if (changed.length) {
        redacted.push({ table: t.table, id, fields: changed });
        const sql = `UPDATE ${t.table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
        writes.push(() => void s.prepare(sql).run(...changed.map((c) => values[c]), id));
      }
      if (review.length) toReview.push({ table: t.table, id, fields: review });
    }
  }
  // Purchase descriptions of their own client (a million lines elsewhere are not scanned: they name products).
  for (const clientId of new Set(people.map((p) => p.clientId))) {
    if (clientId === ownClient) continue;
    for (const row of hits(s, 'purchases', ['description'], ' AND client_id = ?', [clientId])) {
      const v = row.description as string;
      if (!m.names(v)) continue;
      redacted.push({ table: 'purchases', id: row.__id as number, fields: ['description'] });
      writes.push(() => void s.prepare(`UPDATE purchases SET description = ? WHERE id = ?`).run(m.redact(v), row.__id));
    }
  }

  // 3. Text in every other table (dossiers, win-back calls, recovery interviews…): the users' own writing in
  //    other features' records, listed for them to read and edit, never rewritten behind their back.
  const fts = ftsTables(s);
  const shadow = new Set(fts.flatMap((f) => ['_data', '_idx', '_content', '_docsize', '_config', '_segments', '_segdir', '_stat'].map((x) => f.name + x)));
  const handled = new Set([...TEXT.map((t) => t.table), 'purchases', 'settings', 'change_log', 'privacy_erasures', '__drizzle_migrations', ...fts.map((f) => f.name)]);
  const otherTables = (s.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`).pluck().all() as string[]).filter(
    (n) => !handled.has(n) && !shadow.has(n),
  );
  for (const table of otherTables) {
    const cols = textColumns(s, table);
    try {
      for (const row of hits(s, table, cols, '', [], 'rowid')) {
        const fields = cols.filter((c) => m.names(row[c]) || m.mayName(row[c]));
        if (fields.length) toReview.push({ table, id: row.__id as number, fields });
      }
    } catch {
      // a WITHOUT ROWID table or one that changed shape: nothing to list from it
    }
  }

  // 4. Search indexes (full-text tables): their copy of the text is rewritten, then merged so no old segment keeps the words.
  for (const f of fts) {
    const cols = textColumns(s, f.name).filter((c) => c !== f.name && c !== 'rank');
    let rows: Record<string, unknown>[];
    try {
      rows = hits(s, f.name, cols, '', [], 'rowid').filter((r) => cols.some((c) => m.names(r[c])));
    } catch {
      continue;
    }
    if (!rows.length) continue;
    searchIndex.push({ table: f.name, rows: rows.length });
    writes.push(() => {
      for (const r of rows) {
        const next = cols.map((c) => (typeof r[c] === 'string' ? m.redact(r[c] as string) : r[c]));
        if (f.external && f.version === 5) {
          // An external-content index is told what it held, then given the text without the person.
          s.prepare(`INSERT INTO ${q(f.name)} (${q(f.name)}, rowid, ${cols.map(q).join(', ')}) VALUES ('delete', ?, ${cols.map(() => '?').join(', ')})`).run(r.__id, ...cols.map((c) => r[c]));
          s.prepare(`INSERT INTO ${q(f.name)} (rowid, ${cols.map(q).join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(r.__id, ...next);
        } else {
          s.prepare(`UPDATE ${q(f.name)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE rowid = ?`).run(...next, r.__id);
        }
      }
      s.prepare(`INSERT INTO ${q(f.name)} (${q(f.name)}) VALUES ('optimize')`).run();
    });
  }

  // 5. The dossiers' index is contentless (it cannot be read back), so its entries are found through their
  //    sources: the erased contacts, the interactions deleted or rewritten, the sections that name them,
  //    everything of an erased client. Those entries go now; the dossiers' own triggers have queued the
  //    rewritten texts, and their indexer puts them back without the person.
  if (tableExists(s, 'dossier_search') && tableExists(s, 'dossier_search_docs')) {
    const interactionIds = [...(removed.find((r) => r.table === 'interactions')?.ids ?? []), ...redacted.filter((r) => r.table === 'interactions').map((r) => r.id)];
    const sectionIds = toReview.filter((r) => r.table === 'dossier_sections').map((r) => r.id);
    const refs: [string, number[]][] = [['contact', personIds], ['interaction', interactionIds], ['section', sectionIds]];
    const docs = new Set<number>();
    for (const [kind, list] of refs) for (let i = 0; i < list.length; i += 500) {
      const part = list.slice(i, i + 500);
      for (const d of ids(s, `SELECT id FROM dossier_search_docs WHERE kind = ? AND ref_id IN ${inList(part.length)}`, kind, ...part)) docs.add(d);
    }
    if (ownClient !== null) for (const d of ids(s, `SELECT id FROM dossier_search_docs WHERE client_id = ?`, ownClient)) docs.add(d);
    if (docs.size) {
      searchIndex.push({ table: 'dossier_search', rows: docs.size });
      writes.push(() => {
        const dropIndex = s.prepare(`DELETE FROM dossier_search WHERE rowid = ?`);
        const dropDoc = s.prepare(`DELETE FROM dossier_search_docs WHERE id = ?`);
        for (const d of docs) (dropIndex.run(d), dropDoc.run(d));
        s.prepare(`INSERT INTO dossier_search (dossier_search) VALUES ('optimize')`).run();
      });
    }
  }

  // The deletions last: the scans above still saw the rows.
  writes.push(() => {
    if (changeRows.length) s.prepare(`DELETE FROM import_changes WHERE id IN ${inList(changeRows.length)}`).run(...changeRows);
    if (subject.kind === 'client') s.prepare(`DELETE FROM clients WHERE id = ?`).run(subject.id);
    else s.prepare(`DELETE FROM contacts WHERE id = ?`).run(subject.id);
  });
  return { report: { subject, removed, redacted, toReview, searchIndex }, writes };
}

/** What erasing would do; writes nothing. */
export function previewErasure(db: Db, subject: ErasureSubject): Omit<ErasureReport, 'backupsToExpire' | 'checkpointed'> {
  return plan(db, subject).report;
}

/**
 * Erases a contact or a client and every mention of them (see plan). Runs
 * inside the caller's write transaction; the log row names no one. The
 * caller then checkpoints the WAL (`scrubWal`) once the transaction has
 * committed, and marks the older backups to expire.
 */
export function eraseSubject(db: Db, subject: ErasureSubject): Omit<ErasureReport, 'backupsToExpire' | 'checkpointed'> {
  if (!db.sqlite.inTransaction) throw new Error('eraseSubject must run inside a write transaction');
  const { report, writes } = plan(db, subject);
  for (const w of writes) w();
  const removed = report.removed.reduce((n, r) => n + r.ids.length, 0);
  db.sqlite.prepare(`INSERT INTO privacy_erasures (kind, subject_id, removed, redacted) VALUES (?, ?, ?, ?)`).run(subject.kind, subject.id, removed, report.redacted.length);
  return report;
}

/**
 * After the erasure committed: the WAL still holds the pages as they were
 * before (with the person in them) until it is checkpointed and truncated.
 * secure_delete has already zeroed the freed space in the new pages.
 */
export function scrubWal(db: Db): boolean {
  const [r] = db.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return r !== undefined && r.busy === 0;
}

