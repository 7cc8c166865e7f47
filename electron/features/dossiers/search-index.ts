import { fold } from '../../../shared/features/dossiers/text/fold';
import { spaceWords } from '../../../shared/features/dossiers/text/segment';
import type { HitKind } from '../../../shared/features/dossiers/types';
import type { Db } from '../../db/connection';
import { Cancelled } from '../../errors';
import type { JobControl } from '../../jobs/registry';

/**
 * The full-text index of dossier sections, contact notes and interaction
 * summaries. Texts go in folded (no accents, ё = е) and with spaces between
 * Thai words, so SQLite's tokenizer and the query parser see the same words.
 * Sections are indexed in the command that saves them; contacts and
 * interactions, written by other features, are caught up from new ids and
 * the queue their triggers fill.
 */
export const icuVersion = (): string => process.versions.icu ?? 'none';

/** What the tokenizer is given for a text. */
export const indexBody = (...parts: (string | null | undefined)[]): string => fold(spaceWords(parts.filter(Boolean).join('\n')));

interface State {
  icu: string | null;
  contactsSeen: number;
  interactionsSeen: number;
}

export const readState = (db: Db): State =>
  (db.sqlite.prepare(`SELECT icu, contacts_seen AS contactsSeen, interactions_seen AS interactionsSeen FROM dossier_search_state WHERE id = 1`).get() as State | undefined) ?? { icu: null, contactsSeen: 0, interactionsSeen: 0 };

/** Puts one text in the index (or takes it out when `body` is null). */
export function putDoc(db: Db, kind: HitKind, refId: number, clientId: number | null, body: string | null): void {
  const row = db.sqlite.prepare(`SELECT id FROM dossier_search_docs WHERE kind = ? AND ref_id = ?`).get(kind, refId) as { id: number } | undefined;
  if (row) db.sqlite.prepare(`DELETE FROM dossier_search WHERE rowid = ?`).run(row.id);
  if (body === null || !body.trim()) {
    if (row) db.sqlite.prepare(`DELETE FROM dossier_search_docs WHERE id = ?`).run(row.id);
    return;
  }
  let id = row?.id;
  if (id === undefined) id = Number(db.sqlite.prepare(`INSERT INTO dossier_search_docs (kind, ref_id, client_id) VALUES (?, ?, ?)`).run(kind, refId, clientId).lastInsertRowid);
  else db.sqlite.prepare(`UPDATE dossier_search_docs SET client_id = ? WHERE id = ?`).run(clientId, id);
  db.sqlite.prepare(`INSERT INTO dossier_search (rowid, body) VALUES (?, ?)`).run(id, body);
}

/** A section as it is in the table now: indexed while it is part of a dossier, out of the index once removed. */
export function indexSection(db: Db, sectionId: number): void {
  const s = db.sqlite
    .prepare(`SELECT s.title, s.text, s.archived_at AS archivedAt, d.client_id AS clientId FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE s.id = ?`)
    .get(sectionId) as { title: string; text: string; archivedAt: string | null; clientId: number | null } | undefined;
  putDoc(db, 'section', sectionId, s?.clientId ?? null, s && !s.archivedAt ? indexBody(s.title, s.text) : null);
}

function indexContact(db: Db, id: number): void {
  const c = db.sqlite.prepare(`SELECT client_id AS clientId, name, notes, archived_at AS archivedAt FROM contacts WHERE id = ?`).get(id) as
    | { clientId: number; name: string; notes: string | null; archivedAt: string | null }
    | undefined;
  putDoc(db, 'contact', id, c?.clientId ?? null, c && !c.archivedAt && c.notes?.trim() ? indexBody(c.name, c.notes) : null);
}

function indexInteraction(db: Db, id: number): void {
  const i = db.sqlite.prepare(`SELECT client_id AS clientId, summary, outcome, archived_at AS archivedAt FROM interactions WHERE id = ?`).get(id) as
    | { clientId: number; summary: string; outcome: string | null; archivedAt: string | null }
    | undefined;
  putDoc(db, 'interaction', id, i?.clientId ?? null, i && !i.archivedAt ? indexBody(i.summary, i.outcome) : null);
}

/** How far behind the index is: a rebuild (new ICU, never built) or a number of records to (re)index. */
export function indexLag(db: Db): { rebuild: boolean; pending: number } {
  const st = readState(db);
  if (st.icu !== icuVersion()) return { rebuild: true, pending: 0 };
  const q = db.sqlite.prepare(`SELECT count(*) AS n FROM dossier_search_queue`).get() as { n: number };
  const c = db.sqlite.prepare(`SELECT count(*) AS n FROM contacts WHERE id > ?`).get(st.contactsSeen) as { n: number };
  const i = db.sqlite.prepare(`SELECT count(*) AS n FROM interactions WHERE id > ?`).get(st.interactionsSeen) as { n: number };
  return { rebuild: false, pending: q.n + c.n + i.n };
}

/** Records per transaction: each commits on its own, so the app's saves never wait long for the indexer. */
const BATCH = 500;

export interface IndexOutcome {
  indexed: number;
  removed: number;
  full: boolean;
}

const check = (ctl?: JobControl) => {
  if (ctl?.isCancelled()) throw new Cancelled('dossiers:index.theWork');
};

/** Indexes what changed since the last time: queued contacts and interactions, and new ones. */
export function catchUp(db: Db, ctl?: JobControl): IndexOutcome {
  let indexed = 0;
  const total = indexLag(db).pending;
  for (;;) {
    check(ctl);
    const done = db.sqlite.transaction(() => {
      const st = readState(db);
      const queued = db.sqlite.prepare(`SELECT id, kind, ref_id AS refId FROM dossier_search_queue ORDER BY id LIMIT ?`).all(BATCH) as { id: number; kind: string; refId: number }[];
      const seen = new Set<string>();
      for (const q of queued) {
        if (seen.has(`${q.kind}:${q.refId}`)) continue;
        seen.add(`${q.kind}:${q.refId}`);
        if (q.kind === 'contact') indexContact(db, q.refId);
        else indexInteraction(db, q.refId);
      }
      if (queued.length) db.sqlite.prepare(`DELETE FROM dossier_search_queue WHERE id <= ?`).run(queued[queued.length - 1].id);
      const contacts = db.sqlite.prepare(`SELECT id FROM contacts WHERE id > ? AND notes IS NOT NULL ORDER BY id LIMIT ?`).all(st.contactsSeen, BATCH) as { id: number }[];
      for (const c of contacts) indexContact(db, c.id);
      const interactions = db.sqlite.prepare(`SELECT id FROM interactions WHERE id > ? ORDER BY id LIMIT ?`).all(st.interactionsSeen, BATCH) as { id: number }[];
      for (const i of interactions) indexInteraction(db, i.id);
      // Contacts without notes are not indexed, but are seen: jump past them when this batch was not full.
      const maxContact = contacts.length === BATCH ? contacts[contacts.length - 1].id : ((db.sqlite.prepare(`SELECT MAX(id) AS m FROM contacts`).get() as { m: number | null }).m ?? st.contactsSeen);
      const maxInteraction = interactions.length ? interactions[interactions.length - 1].id : st.interactionsSeen;
      db.sqlite.prepare(`UPDATE dossier_search_state SET contacts_seen = ?, interactions_seen = ? WHERE id = 1`).run(Math.max(st.contactsSeen, maxContact), maxInteraction);
      const n = seen.size + contacts.length + interactions.length;
      indexed += n;
      return queued.length < BATCH && contacts.length < BATCH && interactions.length < BATCH;
    }).immediate();
    ctl?.onProgress({ phase: 'writing', done: Math.min(indexed, total), total });
    if (done) return { indexed, removed: 0, full: false };
  }
}

/**
 * Everything again from the records: at the first search, and whenever the
 * ICU that segments Thai has changed (a new Electron or Node), since its
 * dictionary may split words differently. Commits in batches; the ICU
 * version is written last, so an interrupted rebuild starts over.
 */
export function rebuild(db: Db, ctl?: JobControl): IndexOutcome {
  const icu = icuVersion();
  db.sqlite.transaction(() => {
    db.sqlite.prepare(`DELETE FROM dossier_search`).run();
    db.sqlite.prepare(`DELETE FROM dossier_search_docs`).run();
    db.sqlite.prepare(`UPDATE dossier_search_state SET icu = NULL, contacts_seen = 0, interactions_seen = 0 WHERE id = 1`).run();
  }).immediate();
  const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;
  const total =
    count(`SELECT count(*) AS n FROM dossier_sections WHERE archived_at IS NULL`) +
    count(`SELECT count(*) AS n FROM contacts WHERE notes IS NOT NULL`) +
    count(`SELECT count(*) AS n FROM interactions`);
  let indexed = 0;
  const pass = (sql: string, put: (id: number) => void) => {
    let after = 0;
    for (;;) {
      check(ctl);
      const ids = db.sqlite.prepare(sql).all(after, BATCH) as { id: number }[];
      if (!ids.length) return;
      db.sqlite.transaction(() => ids.forEach((r) => put(r.id))).immediate();
      after = ids[ids.length - 1].id;
      indexed += ids.length;
      ctl?.onProgress({ phase: 'writing', done: indexed, total });
    }
  };
  // The queue first: what changes during the rebuild is queued again and caught up after.
  db.sqlite.prepare(`DELETE FROM dossier_search_queue`).run();
  pass(`SELECT id FROM dossier_sections WHERE id > ? AND archived_at IS NULL ORDER BY id LIMIT ?`, (id) => indexSection(db, id));
  const contactsTop = count(`SELECT COALESCE(MAX(id), 0) AS n FROM contacts`);
  const interactionsTop = count(`SELECT COALESCE(MAX(id), 0) AS n FROM interactions`);
  pass(`SELECT id FROM contacts WHERE id > ? AND notes IS NOT NULL ORDER BY id LIMIT ?`, (id) => id <= contactsTop && indexContact(db, id));
  pass(`SELECT id FROM interactions WHERE id > ? ORDER BY id LIMIT ?`, (id) => id <= interactionsTop && indexInteraction(db, id));
  db.sqlite.transaction(() => {
    db.sqlite.prepare(`UPDATE dossier_search_state SET icu = ?, contacts_seen = ?, interactions_seen = ?, built_at = ? WHERE id = 1`).run(icu, contactsTop, interactionsTop, new Date().toISOString());
  }).immediate();
  return { indexed, removed: 0, full: true };
}

/** A rebuild if the index needs one, else a catch-up: what the indexing task runs. */
export function bringUpToDate(db: Db, ctl?: JobControl): IndexOutcome {
  const lag = indexLag(db);
  if (lag.rebuild) {
    const r = rebuild(db, ctl);
    const c = catchUp(db, ctl);
    return { ...r, indexed: r.indexed + c.indexed };
  }
  return catchUp(db, ctl);
}
