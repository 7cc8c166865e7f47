import { z } from 'zod';
import { command, empty, query } from '../../contract/define';
import { id } from '../../kernel/schema-parts';
import * as s from './schemas';
import { templateInput, type TemplateEntry } from './template';
import type { Dossier, DossierRow, LiveFacts, PeopleView, PickedDocx, Revision, RevisionMeta, SaveResult, SearchResult, SectionText } from './types';

/** What a dossier's live facts and the list's ABC class are computed from. */
const FIGURES = ['clients', 'purchases', 'org', 'analyticsSettings'] as const;
type Done = { id: number };

export const dossiersContract = {
  'dossiers.list': query<DossierRow[]>(['dossiers', ...FIGURES])(empty),
  /** A client's dossier; null until one is started. */
  'dossiers.get': query<Dossier | null>(['dossiers'])(s.ofClient),
  /** A section's text, for its editor when the dossier came without it. */
  'dossiers.section': query<SectionText>(['dossiers'])(s.ofSection),
  'dossiers.create': command<Done>(['dossiers'])(s.ofClient),
  /** The editor's autosave: refused when another window saved the section since `baseRevision`. */
  'dossiers.saveSection': command<SaveResult>(['dossiers'])(s.saveSectionInput),
  /** After a refused save: keeps this window's text in the section's history before it takes the newer one (or overwrites it). */
  'dossiers.keepCopy': command<Done>(['dossiers'])(z.strictObject({ sectionId: id, doc: s.docSchema })),
  'dossiers.addSection': command<Done>(['dossiers'])(s.addSectionInput),
  'dossiers.renameSection': command<Done>(['dossiers'])(s.renameSectionInput),
  'dossiers.reorderSections': command<Done>(['dossiers'])(s.reorderInput),
  'dossiers.removeSection': command<Done>(['dossiers'])(s.ofSection),
  'dossiers.restoreSection': command<Done>(['dossiers'])(s.ofSection),
  'dossiers.revisions': query<RevisionMeta[]>(['dossiers'])(s.ofSection),
  'dossiers.revision': query<Revision>(['dossiers'])(z.strictObject({ id })),
  /** Keeps the section as it is now in its history, if it changed since the last revision. */
  'dossiers.snapshot': command<{ id: number } | null>(['dossiers'])(s.ofSection),
  'dossiers.restoreRevision': command<SaveResult>(['dossiers'])(s.restoreRevisionInput),
  'dossiers.facts': query<LiveFacts>([...FIGURES, 'tasks'])(s.ofClient),
  'dossiers.people': query<PeopleView>(['contacts', 'dossierPeople'])(s.ofClient),
  'dossiers.setPerson': command<Done>(['dossierPeople'])(s.personInput),
  'dossiers.setInfluences': command<Done>(['dossierPeople'])(s.influencesInput),
  'dossiers.template': query<TemplateEntry[]>(['dossierTemplate'])(empty),
  'dossiers.saveTemplate': command<TemplateEntry[]>(['dossierTemplate'])(templateInput),
  /** Every dossier, contact note and interaction summary; may start the index catching up (a job). */
  'dossiers.search': query<SearchResult>(['dossiers', 'contacts', 'interactions', 'search'], { jobInvalidates: ['search'] })(s.searchInput),
  'dossiers.pickDocx': query<PickedDocx | null>()(empty),
  'dossiers.importDocx': query<{ jobId: string }>([], { jobInvalidates: ['dossiers', 'search'] })(s.importDocxInput),
  /** Word or PDF of one dossier, where the user chooses; null when the save dialog was closed. */
  'dossiers.export': query<{ jobId: string } | null>()(z.strictObject({ clientId: id, format: z.enum(['docx', 'pdf']) })),
} as const;
