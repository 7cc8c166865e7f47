import { headingsOf, type DocNode } from '../../../shared/features/dossiers/doc';
import type { Section, SectionMeta } from '../../../shared/features/dossiers/types';
import type { SectionKey } from '../../../shared/features/dossiers/template';
import type { Db } from '../../db/connection';

export interface SectionRow {
  id: number;
  dossierId: number;
  position: number;
  templateKey: string | null;
  title: string;
  doc: string;
  text: string;
  words: number;
  revision: number;
  savedAt: string | null;
  archivedAt: string | null;
}

export interface DossierRecord {
  id: number;
  clientId: number | null;
  title: string;
  lastSectionId: number | null;
  lastPosition: number | null;
  updatedAt: string;
}

const SECTION_COLS = `id, dossier_id AS dossierId, position, template_key AS templateKey, title, doc, text, words, revision, saved_at AS savedAt, archived_at AS archivedAt`;

export const nowIso = (): string => new Date().toISOString();

export const dossierRepo = {
  byClient: (db: Db, clientId: number) =>
    db.sqlite.prepare(`SELECT id, client_id AS clientId, title, last_section_id AS lastSectionId, last_position AS lastPosition, updated_at AS updatedAt FROM dossiers WHERE client_id = ?`).get(clientId) as DossierRecord | undefined,
  byId: (db: Db, id: number) =>
    db.sqlite.prepare(`SELECT id, client_id AS clientId, title, last_section_id AS lastSectionId, last_position AS lastPosition, updated_at AS updatedAt FROM dossiers WHERE id = ?`).get(id) as DossierRecord | undefined,
  insert: (db: Db, clientId: number, title: string) => Number(db.sqlite.prepare(`INSERT INTO dossiers (client_id, title) VALUES (?, ?)`).run(clientId, title).lastInsertRowid),
  touch: (db: Db, id: number, at: string, lastSectionId?: number, lastPosition?: number | null) =>
    db.sqlite
      .prepare(`UPDATE dossiers SET updated_at = @at, last_section_id = COALESCE(@s, last_section_id), last_position = CASE WHEN @s IS NULL THEN last_position ELSE @p END WHERE id = @id`)
      .run({ id, at, s: lastSectionId ?? null, p: lastPosition ?? null }),
};

export const sectionRepo = {
  get: (db: Db, id: number) => db.sqlite.prepare(`SELECT ${SECTION_COLS} FROM dossier_sections WHERE id = ?`).get(id) as SectionRow | undefined,
  ofDossier: (db: Db, dossierId: number) => db.sqlite.prepare(`SELECT ${SECTION_COLS} FROM dossier_sections WHERE dossier_id = ? ORDER BY position, id`).all(dossierId) as SectionRow[],
  insert: (db: Db, s: { dossierId: number; position: number; templateKey: string | null; title: string; doc: string; text: string; words: number; at: string | null }) =>
    Number(
      db.sqlite
        .prepare(`INSERT INTO dossier_sections (dossier_id, position, template_key, title, doc, text, words, saved_at) VALUES (@dossierId, @position, @templateKey, @title, @doc, @text, @words, @at)`)
        .run(s).lastInsertRowid,
    ),
  saveContent: (db: Db, id: number, c: { doc: string; text: string; words: number; at: string }) =>
    db.sqlite.prepare(`UPDATE dossier_sections SET doc = @doc, text = @text, words = @words, revision = revision + 1, saved_at = @at, updated_at = @at WHERE id = @id`).run({ id, ...c }),
  setPositions: (db: Db, ids: number[]) => {
    const st = db.sqlite.prepare(`UPDATE dossier_sections SET position = ? WHERE id = ?`);
    ids.forEach((id, i) => st.run(i + 1, id));
  },
};

const emptyOf = (text: string, doc: string) => !text.trim() && !/"type":"(liveFacts|table|horizontalRule)"/.test(doc);

export function toMeta(r: SectionRow): SectionMeta {
  return { id: r.id, position: r.position, templateKey: r.templateKey as SectionKey | null, title: r.title, words: r.words, revision: r.revision, savedAt: r.savedAt, empty: emptyOf(r.text, r.doc) };
}

/** `withText`: the stored JSON goes with it as it is; the headings are read from it either way (the outline shows every section's). */
export const toSection = (r: SectionRow, withText: boolean): Section => ({ ...toMeta(r), headings: headingsOf(JSON.parse(r.doc) as DocNode), docJson: withText ? r.doc : null });
