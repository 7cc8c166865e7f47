import { matchExpression, parseQuery } from '../../../shared/features/dossiers/text/query';
import { snippetOf } from '../../../shared/features/dossiers/text/snippet';
import type { HitKind, SearchHit, SearchResult } from '../../../shared/features/dossiers/types';
import { shownTitle, type SectionKey } from '../../../shared/features/dossiers/template';
import type { Db } from '../../db/connection';
import { userTranslator } from './labels';

interface Ranked {
  kind: HitKind;
  refId: number;
  clientId: number | null;
  score: number;
}

interface Source {
  title: string;
  /** The title as the user reads it (a standard section's in their language). */
  shown?: string;
  text: string;
  date: string | null;
  clientId: number | null;
  /** For a long section whose first piece did not show the match: all of its text. */
  rest?: () => string;
}

/** A section's text is read a piece at a time: most matches are near the top, and a 40-page section is 100 KB. */
const CHUNK = 3000;

/** The record a hit points at, read fresh: snippets come from the records' own text (the index keeps none). */
function sourceOf(db: Db, kind: HitKind, refId: number, standard: (key: SectionKey) => string): Source | null {
  if (kind === 'section') {
    const s = db.sqlite.prepare(`SELECT s.title, s.template_key AS templateKey, substr(s.text, 1, ?) AS head, d.client_id AS clientId FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE s.id = ?`).get(CHUNK, refId) as
      | { title: string; templateKey: SectionKey | null; head: string; clientId: number | null }
      | undefined;
    if (!s) return null;
    return {
      title: s.title,
      shown: shownTitle(s.templateKey, s.title, standard),
      text: `${s.title}\n${s.head}`,
      date: null,
      clientId: s.clientId,
      rest: s.head.length < CHUNK ? undefined : () => `${s.title}\n${(db.sqlite.prepare(`SELECT text FROM dossier_sections WHERE id = ?`).get(refId) as { text: string }).text}`,
    };
  }
  if (kind === 'contact') {
    const c = db.sqlite.prepare(`SELECT name, notes, client_id AS clientId FROM contacts WHERE id = ?`).get(refId) as { name: string; notes: string | null; clientId: number } | undefined;
    return c ? { title: c.name, text: `${c.name}\n${c.notes ?? ''}`, date: null, clientId: c.clientId } : null;
  }
  const i = db.sqlite.prepare(`SELECT kind, date, summary, outcome, client_id AS clientId FROM interactions WHERE id = ?`).get(refId) as
    | { kind: string; date: string; summary: string; outcome: string | null; clientId: number }
    | undefined;
  return i ? { title: i.kind, text: [i.summary, i.outcome].filter(Boolean).join('\n'), date: i.date, clientId: i.clientId } : null;
}

/**
 * Ranked matches (bm25) over every dossier section, contact note and
 * interaction summary, with a snippet around the best place in each. Reads
 * only: keeping the index current is the indexer's work.
 */
export function search(db: Db, input: { q: string; limit: number; offset: number; typing: boolean }): Omit<SearchResult, 'indexing'> {
  const started = performance.now();
  const terms = parseQuery(input.q, input.typing);
  const match = matchExpression(terms);
  if (!match) return { total: 0, hits: [], ms: 0 };
  const total = (db.sqlite.prepare(`SELECT count(*) AS n FROM dossier_search WHERE dossier_search MATCH ?`).get(match) as { n: number }).n;
  const ranked = db.sqlite
    .prepare(
      `SELECT d.kind, d.ref_id AS refId, d.client_id AS clientId, r.score
         FROM (SELECT rowid, bm25(dossier_search) AS score FROM dossier_search WHERE dossier_search MATCH ? ORDER BY score LIMIT ? OFFSET ?) r
         JOIN dossier_search_docs d ON d.id = r.rowid
        ORDER BY r.score`,
    )
    .all(match, input.limit, input.offset) as Ranked[];
  const clients = new Map<number, { code: string | null; name: string }>();
  const client = (id: number | null) => {
    if (id === null) return null;
    if (!clients.has(id)) clients.set(id, (db.sqlite.prepare(`SELECT code, name FROM clients WHERE id = ?`).get(id) as { code: string | null; name: string } | undefined) ?? { code: null, name: '' });
    return clients.get(id)!;
  };
  let t: ReturnType<typeof userTranslator> | null = null;
  const standard = (k: SectionKey) => (t ??= userTranslator(db))(`sections.${k}`);
  const hits: SearchHit[] = [];
  ranked.forEach((r, i) => {
    const src = sourceOf(db, r.kind, r.refId, standard);
    if (!src) return;
    // Sections and notes start with their title; an offset counts from the text after it.
    const titleLength = r.kind === 'interaction' ? 0 : src.title.length + 1;
    let snip = snippetOf(src.text, terms);
    if (!snip.marks.length && src.rest) snip = snippetOf(src.rest(), terms);
    const c = client(src.clientId);
    hits.push({
      kind: r.kind,
      rank: input.offset + i + 1,
      clientId: src.clientId,
      clientCode: c?.code ?? null,
      clientName: c?.name ?? null,
      refId: r.refId,
      title: src.shown ?? src.title,
      date: src.date,
      snippet: snip.text,
      marks: snip.marks,
      at: Math.max(0, snip.at - titleLength),
    });
  });
  return { total, hits, ms: performance.now() - started };
}
