import type { DocNode } from '../../../shared/features/dossiers/doc';
import type { Dossier, LiveFacts, SectionMeta } from '../../../shared/features/dossiers/types';
import { makeFormatters, type Formatters } from '../../../shared/kernel/format';
import type { Db } from '../../db/connection';
import { getSettings } from '../settings';
import { dossierById } from './dossiers';
import { translator, type Translate } from './labels';
import { dossierRepo } from './repository';
import { AppError, notFound } from '../../errors';

/** A client without a dossier (or no such client), said as such. */
export function noDossier(db: Db, clientId: number): AppError {
  const c = db.sqlite.prepare(`SELECT name FROM clients WHERE id = ?`).get(clientId) as { name: string } | undefined;
  return c ? new AppError('not_found', 'dossiers:errors.noDossier', { client: c.name }) : notFound('accounts:nouns.client', clientId);
}

/** The dossier with its sections' documents parsed: the exports walk the nodes. */
export interface ExportDossier extends Omit<Dossier, 'sections'> {
  sections: (SectionMeta & { doc: DocNode })[];
}

/** Everything an export needs, read once: the dossier, today's facts for live blocks, and the user's language and formats. */
export interface ExportModel {
  dossier: ExportDossier;
  facts: LiveFacts | null;
  t: Translate;
  fmt: Formatters;
  lang: string;
  manager: string | null;
  today: string;
}

/** True when a live facts block is in the dossier: only then are today's figures read (they need the analytics). */
export function needsLiveFacts(db: Db, clientId: number): boolean {
  return Boolean(db.sqlite.prepare(`SELECT 1 FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id WHERE d.client_id = ? AND s.archived_at IS NULL AND s.doc LIKE '%"type":"liveFacts"%' LIMIT 1`).get(clientId));
}

/** `facts`: today's figures for live blocks, read by the caller in the main process (see needsLiveFacts). */
export function exportModel(db: Db, clientId: number, facts: LiveFacts | null = null): ExportModel {
  const d = dossierRepo.byClient(db, clientId);
  if (!d) throw noDossier(db, clientId);
  const settings = getSettings(db);
  const read = dossierById(db, d.id);
  // dossierById sends every section's text unless told otherwise.
  const dossier: ExportDossier = { ...read, sections: read.sections.map(({ docJson, headings: _, ...s }) => ({ ...s, doc: JSON.parse(docJson!) as DocNode })) };
  const manager = (db.sqlite.prepare(`SELECT m.name FROM clients c JOIN managers m ON m.id = c.manager_id WHERE c.id = ?`).get(clientId) as { name: string } | undefined)?.name ?? null;
  const today = new Date().toISOString().slice(0, 10);
  return {
    dossier,
    facts,
    t: translator(settings.language),
    fmt: makeFormatters(settings.locale, settings.currency, settings.calendar),
    lang: settings.language ?? 'en',
    manager,
    today,
  };
}

/** A facts block as label/value lines, frozen ones with their own date: the same in Word and PDF. */
export function factLines(attrs: Record<string, unknown> | undefined, m: ExportModel): { caption: string; lines: [string, string][] } {
  const frozen = (attrs?.frozen ?? null) as { date: string; values: LiveFacts } | null;
  const f = frozen?.values ?? m.facts;
  const caption = frozen ? m.t('facts.frozenOn', { date: m.fmt.date(frozen.date) }) : m.t('facts.liveOn', { date: m.fmt.date(m.today) });
  if (!f) return { caption, lines: [] };
  return {
    caption,
    lines: [
      [m.t('facts.revenue12m'), m.fmt.money(f.revenue12m)],
      [m.t('facts.share12m'), m.fmt.percent(f.share12m)],
      [m.t('facts.abc'), f.abc ?? m.t('facts.none')],
      [m.t('facts.band'), f.band ? m.t(`facts.bands.${f.band}`) : m.t('facts.none')],
      [m.t('facts.lastPurchase'), f.lastPurchase ? m.fmt.date(f.lastPurchase) : m.t('facts.none')],
      [m.t('facts.openTasks'), `${m.fmt.number(f.openTasks, 0)}${f.overdueTasks ? ` (${m.t('facts.overdue', { count: f.overdueTasks })})` : ''}`],
    ],
  };
}
