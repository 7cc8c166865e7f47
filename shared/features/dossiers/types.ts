import type { AbcClass, RiskBand } from '../analytics';
import type { BlockKind } from './diff';
import type { DocNode } from './doc';
import type { Person, RelationshipFlags } from './people';
import type { SectionKey } from './template';

export interface SectionMeta {
  id: number;
  position: number;
  templateKey: SectionKey | null;
  title: string;
  words: number;
  /** Goes up by one with every save: a save based on an older one is refused, not lost. */
  revision: number;
  savedAt: string | null;
  empty: boolean;
}

/** A top-level heading of a section, for the outline beside the text. */
export interface SectionHeading {
  index: number;
  level: number;
  text: string;
}

export interface Section extends SectionMeta {
  headings: SectionHeading[];
  /**
   * The document (TipTap's JSON) as stored, unparsed: a string crosses IPC
   * far faster than a deep tree, and the renderer parses it only when it
   * makes the section's editor. Sent with the dossier for the sections it
   * opens at (the first, the one the user was in); null for the others,
   * which dossiers.section brings as they come near the screen.
   */
  docJson: string | null;
}

/** One section's document as stored now, and the revision it is: an editor made from it saves from there. */
export interface SectionText {
  id: number;
  docJson: string;
  revision: number;
  savedAt: string | null;
}

export interface Dossier {
  id: number;
  /** Null when the client was removed (an undone import): the dossier stays. */
  clientId: number | null;
  title: string;
  clientName: string | null;
  clientCode: string | null;
  words: number;
  sections: Section[];
  /** Sections taken out of the dossier, kept with their history and restorable. */
  removed: SectionMeta[];
  /** Where the user was: the dossier reopens there. */
  lastSectionId: number | null;
  lastPosition: number | null;
  updatedAt: string;
}

/** One line of the Dossiers page. */
export interface DossierRow {
  id: number;
  clientId: number | null;
  code: string | null;
  client: string;
  manager: string | null;
  abc: AbcClass | null;
  words: number;
  sections: number;
  emptySections: number;
  emptyTitles: string[];
  updatedAt: string;
}

export interface SaveResult {
  revision: number;
  words: number;
  savedAt: string;
  /** True when this save also became a revision in the history. */
  snapshot: boolean;
}

export const REVISION_REASONS = ['snapshot', 'import', 'beforeRestore', 'restored', 'conflict', 'removed'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

export interface RevisionMeta {
  id: number;
  sectionId: number;
  revision: number;
  title: string;
  words: number;
  reason: RevisionReason;
  createdAt: string;
}

export interface Revision extends RevisionMeta {
  doc: DocNode;
}

/** The account's figures as the base has them now: what a live-facts block shows, or froze. */
export interface LiveFacts {
  asOf: string;
  revenue12m: number;
  share12m: number;
  abc: AbcClass | null;
  band: RiskBand | null;
  lastPurchase: string | null;
  openTasks: number;
  overdueTasks: number;
}

export interface PeopleView {
  clientId: number;
  people: Person[];
  flags: RelationshipFlags;
}

export const HIT_KINDS = ['section', 'contact', 'interaction'] as const;
export type HitKind = (typeof HIT_KINDS)[number];

export interface SearchHit {
  kind: HitKind;
  /** 1 for the best match (bm25). */
  rank: number;
  clientId: number | null;
  clientCode: string | null;
  clientName: string | null;
  /** The dossier section, the contact (its notes) or the interaction (its summary). */
  refId: number;
  /** The section's title, the contact's name, or the interaction's date and kind. */
  title: string;
  date: string | null;
  snippet: string;
  marks: [number, number][];
  /** Offset of the match in the record's text: the editor opens there. */
  at: number;
}

export interface SearchResult {
  /** Every matching section, note and interaction, not only those on this page. */
  total: number;
  hits: SearchHit[];
  /** The index is catching up (a rebuild after an ICU update, a large import): results may miss the newest text. */
  indexing: boolean;
  ms: number;
}

export interface PickedDocx {
  path: string;
  name: string;
  size: number;
}

export interface DocxImportResult {
  dossierId: number;
  sections: { id: number; title: string; filled: boolean }[];
  words: number;
  /** Images are not kept: they are listed (with their alt text when the file has one). */
  images: { alt: string | null }[];
  warnings: string[];
}

export type DossierJobOutcome =
  | { task: 'dossierImport'; result: DocxImportResult }
  | { task: 'dossierExport'; path: string; bytes: number; format: 'docx' | 'pdf' }
  | { task: 'dossierIndex'; indexed: number; removed: number; full: boolean };

export type { BlockKind };
