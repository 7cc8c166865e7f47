import { checkDoc, type DocNode } from '../../../shared/features/dossiers/doc';
import type { DocPatch } from '../../../shared/features/dossiers/schemas';
import type { Revision, RevisionMeta, RevisionReason, SaveResult } from '../../../shared/features/dossiers/types';
import type { Db } from '../../db/connection';
import { AppError, fieldError, notFound } from '../../errors';
import { contentOf } from './content';
import { sectionOrThrow } from './dossiers';
import { dossierRepo, nowIso, sectionRepo, type SectionRow } from './repository';
import { indexSection } from './search-index';

/**
 * Autosaves land here every second or so while someone types; every few
 * minutes one of them also becomes a revision in the section's history.
 * Counting saves as well as minutes keeps history coming with a clock that
 * is wrong or set back.
 */
export const SNAPSHOT_EVERY_MS = 5 * 60_000;
export const SNAPSHOT_EVERY_SAVES = 300;

function lastRevision(db: Db, sectionId: number) {
  return db.sqlite.prepare(`SELECT revision, doc, created_at AS createdAt FROM dossier_revisions WHERE section_id = ? ORDER BY id DESC LIMIT 1`).get(sectionId) as
    | { revision: number; doc: string; createdAt: string }
    | undefined;
}

function addRevision(db: Db, s: Pick<SectionRow, 'id' | 'revision' | 'title' | 'doc' | 'words'>, reason: RevisionReason, at: string): number {
  return Number(
    db.sqlite
      .prepare(`INSERT INTO dossier_revisions (section_id, revision, title, doc, words, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(s.id, s.revision, s.title, s.doc, s.words, reason, at).lastInsertRowid,
  );
}

function refuseStale(s: SectionRow, baseRevision: number): void {
  if (s.revision === baseRevision) return;
  // Say which is newer: the stored one (saved from another window) or, after a restore of an older file, ours.
  throw new AppError('conflict', s.revision > baseRevision ? 'dossiers:errors.staleSave' : 'dossiers:errors.aheadSave', { theirs: s.revision, yours: baseRevision, savedAt: s.savedAt ?? '' });
}

function writeContent(db: Db, s: SectionRow, doc: DocNode, at: string, position?: number): { revision: number; words: number; text: string; doc: string } {
  const c = contentOf(doc);
  sectionRepo.saveContent(db, s.id, { ...c, at });
  dossierRepo.touch(db, s.dossierId, at, s.id, position ?? null);
  indexSection(db, s.id);
  return { ...c, revision: s.revision + 1 };
}

/** The stored document with the patch applied; refused when it does not fit what is stored. */
function applyPatch(stored: string, patch: DocPatch): DocNode {
  const doc = JSON.parse(stored) as DocNode;
  const content = doc.content ?? [];
  if (patch.to > content.length || content.length - (patch.to - patch.from) + patch.nodes.length !== patch.count) throw fieldError('patch', 'dossiers:errors.patchInvalid');
  const next: DocNode = { ...doc, content: [...content.slice(0, patch.from), ...(patch.nodes as DocNode[]), ...content.slice(patch.to)] };
  const problem = checkDoc(next);
  if (problem) throw fieldError('patch', problem.key, problem.params);
  return next;
}

export function saveSection(db: Db, input: { sectionId: number; baseRevision: number; doc?: DocNode; patch?: DocPatch; position?: number; keepReplaced?: boolean }): SaveResult {
  const s = sectionOrThrow(db, input.sectionId);
  if (s.archivedAt) throw new AppError('conflict', 'dossiers:errors.sectionRemoved');
  refuseStale(s, input.baseRevision);
  const doc = input.doc ?? applyPatch(s.doc, input.patch!);
  const at = nowIso();
  if (input.keepReplaced) addRevision(db, s, 'conflict', at);
  const written = writeContent(db, s, doc, at, input.position);
  const last = lastRevision(db, s.id);
  const due = !last || Date.parse(at) - Date.parse(last.createdAt) >= SNAPSHOT_EVERY_MS || Date.parse(at) < Date.parse(last.createdAt) || written.revision - last.revision >= SNAPSHOT_EVERY_SAVES;
  if (due && (!last || last.doc !== written.doc)) addRevision(db, { ...s, ...written }, 'snapshot', at);
  return { revision: written.revision, words: written.words, savedAt: at, snapshot: due };
}

/**
 * The version of the section this window is about to overwrite after a
 * conflict, or the one it gave up: kept in history, so neither window's
 * text is lost whichever the user keeps.
 */
export function keepConflictCopy(db: Db, input: { sectionId: number; doc: DocNode }): { id: number } {
  const s = sectionOrThrow(db, input.sectionId);
  const c = contentOf(input.doc);
  return { id: addRevision(db, { id: s.id, revision: s.revision, title: s.title, ...c }, 'conflict', nowIso()) };
}

/** Keeps the section as it is in its history, unless the last revision already holds exactly this. */
export function snapshot(db: Db, sectionId: number): { id: number } | null {
  const s = sectionOrThrow(db, sectionId);
  const last = lastRevision(db, s.id);
  if (last && last.doc === s.doc) return null;
  return { id: addRevision(db, s, 'snapshot', nowIso()) };
}

const META = `id, section_id AS sectionId, revision, title, words, reason, created_at AS createdAt`;

export function listRevisions(db: Db, sectionId: number): RevisionMeta[] {
  sectionOrThrow(db, sectionId);
  return db.sqlite.prepare(`SELECT ${META} FROM dossier_revisions WHERE section_id = ? ORDER BY id DESC`).all(sectionId) as RevisionMeta[];
}

export function getRevision(db: Db, id: number): Revision {
  const r = db.sqlite.prepare(`SELECT ${META}, doc FROM dossier_revisions WHERE id = ?`).get(id) as (RevisionMeta & { doc: string }) | undefined;
  if (!r) throw notFound('dossiers:nouns.revision', id);
  return { ...r, doc: JSON.parse(r.doc) as DocNode };
}

/** Puts an older revision back; what the section held until now goes into history first. */
export function restoreRevision(db: Db, input: { revisionId: number; baseRevision: number }): SaveResult {
  const r = getRevision(db, input.revisionId);
  const s = sectionOrThrow(db, r.sectionId);
  if (s.archivedAt) throw new AppError('conflict', 'dossiers:errors.sectionRemoved');
  refuseStale(s, input.baseRevision);
  const at = nowIso();
  addRevision(db, s, 'beforeRestore', at);
  const written = writeContent(db, s, r.doc, at);
  return { revision: written.revision, words: written.words, savedAt: at, snapshot: false };
}

/** Replaces a section's content in one go (a Word import into it): its previous content is kept as a revision. */
export function replaceContent(db: Db, sectionId: number, doc: DocNode, reason: RevisionReason): void {
  const s = sectionOrThrow(db, sectionId);
  const at = nowIso();
  if (s.text.trim()) addRevision(db, s, reason, at);
  const written = writeContent(db, s, doc, at);
  addRevision(db, { ...s, ...written }, reason, at);
}
