import { emptyDoc } from '../../../shared/features/dossiers/doc';
import type { Dossier, SectionText } from '../../../shared/features/dossiers/types';
import { DEFAULT_TEMPLATE, shownTitle, type TemplateEntry } from '../../../shared/features/dossiers/template';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';
import { AppError, notFound } from '../../errors';
import { contentOf } from './content';
import { translator, userLanguage, userTranslator, type Translate } from './labels';
import { dossierRepo, nowIso, sectionRepo, toMeta, toSection } from './repository';
import { indexSection } from './search-index';

const TEMPLATE_KEY = 'dossiers.template';

export function getTemplate(db: Db): TemplateEntry[] {
  const saved = readSetting<TemplateEntry[]>(db, TEMPLATE_KEY);
  return Array.isArray(saved) && saved.length ? saved : DEFAULT_TEMPLATE;
}

export function saveTemplate(db: Db, sections: TemplateEntry[]): TemplateEntry[] {
  writeSetting(db, TEMPLATE_KEY, sections);
  return getTemplate(db);
}

/** A template entry's title: the user's own words, or the standard name in their language. */
export const entryTitle = (e: TemplateEntry, t: Translate): string => e.title ?? (e.key ? t(`sections.${e.key}`) : '');

function clientOf(db: Db, clientId: number): { id: number; name: string; code: string | null } {
  const c = db.sqlite.prepare(`SELECT id, name, code FROM clients WHERE id = ?`).get(clientId) as { id: number; name: string; code: string | null } | undefined;
  if (!c) throw notFound('accounts:nouns.client', clientId);
  return c;
}

/** Starts a client's dossier from the template; a client that has one already gets that one. */
export function createDossier(db: Db, clientId: number): { id: number } {
  const client = clientOf(db, clientId);
  const existing = dossierRepo.byClient(db, clientId);
  if (existing) return { id: existing.id };
  const t = translator(userLanguage(db));
  const id = dossierRepo.insert(db, clientId, client.name);
  const empty = contentOf(emptyDoc());
  getTemplate(db).forEach((e, i) => sectionRepo.insert(db, { dossierId: id, position: i + 1, templateKey: e.key, title: entryTitle(e, t), ...empty, at: null }));
  return { id };
}

/**
 * A client's dossier as the editor opens it: the text of the sections it
 * opens at (the first, and the one the user was in); the others come with
 * dossiers.section as they are made. A 40-page dossier is then one section's
 * text over IPC, not forty pages.
 */
export function getDossier(db: Db, clientId: number): Dossier | null {
  const d = dossierRepo.byClient(db, clientId);
  return d ? dossierById(db, d.id, (s, i) => i === 0 || s.id === d.lastSectionId) : null;
}

/** `withText`: which live sections come with their text (by default all, as the exports need). */
export function dossierById(db: Db, id: number, withText: (s: { id: number }, index: number) => boolean = () => true): Dossier {
  const d = dossierRepo.byId(db, id);
  if (!d) throw notFound('dossiers:nouns.dossier', id);
  const client = d.clientId !== null ? (db.sqlite.prepare(`SELECT name, code FROM clients WHERE id = ?`).get(d.clientId) as { name: string; code: string | null } | undefined) : undefined;
  const t = userTranslator(db);
  // Standard sections still named as the template named them speak the user's language.
  const rows = sectionRepo.ofDossier(db, id).map((r) => ({ ...r, title: shownTitle(r.templateKey as TemplateEntry['key'], r.title, (k) => t(`sections.${k}`)) }));
  const live = rows.filter((r) => !r.archivedAt);
  return {
    id: d.id,
    clientId: d.clientId,
    title: d.title,
    clientName: client?.name ?? null,
    clientCode: client?.code ?? null,
    words: live.reduce((n, r) => n + r.words, 0),
    sections: live.map((r, i) => toSection(r, withText(r, i))),
    removed: rows.filter((r) => r.archivedAt).map(toMeta),
    lastSectionId: d.lastSectionId,
    lastPosition: d.lastPosition,
    updatedAt: d.updatedAt,
  };
}

function sectionOrThrow(db: Db, sectionId: number) {
  const s = sectionRepo.get(db, sectionId);
  if (!s) throw notFound('dossiers:nouns.section', sectionId);
  return s;
}

export function sectionText(db: Db, sectionId: number): SectionText {
  const s = sectionOrThrow(db, sectionId);
  return { id: s.id, docJson: s.doc, revision: s.revision, savedAt: s.savedAt };
}

export function addSection(db: Db, input: { dossierId: number; title: string; afterId: number | null }): { id: number } {
  if (!dossierRepo.byId(db, input.dossierId)) throw notFound('dossiers:nouns.dossier', input.dossierId);
  const order = sectionRepo.ofDossier(db, input.dossierId).filter((s) => !s.archivedAt).map((s) => s.id);
  const at = nowIso();
  const id = sectionRepo.insert(db, { dossierId: input.dossierId, position: order.length + 1, templateKey: null, title: input.title, ...contentOf(emptyDoc()), at: null });
  const after = input.afterId === null ? -1 : order.indexOf(input.afterId);
  order.splice(after < 0 ? order.length : after + 1, 0, id);
  sectionRepo.setPositions(db, order);
  dossierRepo.touch(db, input.dossierId, at);
  return { id };
}

export function renameSection(db: Db, input: { sectionId: number; title: string }): { id: number } {
  const s = sectionOrThrow(db, input.sectionId);
  const at = nowIso();
  db.sqlite.prepare(`UPDATE dossier_sections SET title = ?, updated_at = ? WHERE id = ?`).run(input.title, at, s.id);
  dossierRepo.touch(db, s.dossierId, at);
  indexSection(db, s.id);
  return { id: s.id };
}

/** The new order of the dossier's sections: exactly its current (not removed) sections, each once. */
export function reorderSections(db: Db, input: { dossierId: number; order: number[] }): { id: number } {
  if (!dossierRepo.byId(db, input.dossierId)) throw notFound('dossiers:nouns.dossier', input.dossierId);
  const current = sectionRepo.ofDossier(db, input.dossierId).filter((s) => !s.archivedAt).map((s) => s.id);
  const same = current.length === input.order.length && new Set(input.order).size === input.order.length && input.order.every((id) => current.includes(id));
  if (!same) throw new AppError('conflict', 'dossiers:errors.orderStale');
  sectionRepo.setPositions(db, input.order);
  dossierRepo.touch(db, input.dossierId, nowIso());
  return { id: input.dossierId };
}

/** Takes a section out of the dossier; its text and history stay, and it can be put back. */
export function removeSection(db: Db, sectionId: number): { id: number } {
  const s = sectionOrThrow(db, sectionId);
  const at = nowIso();
  db.sqlite.prepare(`UPDATE dossier_sections SET archived_at = ?, updated_at = ? WHERE id = ?`).run(at, at, s.id);
  db.sqlite
    .prepare(`INSERT INTO dossier_revisions (section_id, revision, title, doc, words, reason, created_at) VALUES (?, ?, ?, ?, ?, 'removed', ?)`)
    .run(s.id, s.revision, s.title, s.doc, s.words, at);
  sectionRepo.setPositions(db, sectionRepo.ofDossier(db, s.dossierId).filter((x) => !x.archivedAt).map((x) => x.id));
  dossierRepo.touch(db, s.dossierId, at);
  indexSection(db, s.id);
  return { id: s.id };
}

export function restoreSection(db: Db, sectionId: number): { id: number } {
  const s = sectionOrThrow(db, sectionId);
  const at = nowIso();
  const order = sectionRepo.ofDossier(db, s.dossierId).filter((x) => !x.archivedAt).map((x) => x.id);
  db.sqlite.prepare(`UPDATE dossier_sections SET archived_at = NULL, updated_at = ? WHERE id = ?`).run(at, s.id);
  sectionRepo.setPositions(db, [...order, s.id]);
  dossierRepo.touch(db, s.dossierId, at);
  indexSection(db, s.id);
  return { id: s.id };
}

export { sectionOrThrow };
