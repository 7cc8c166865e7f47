import type { SectionKey } from '../../../../shared/features/dossiers/template';

/**
 * Sentences for the demo dossiers, in the language of the client's country.
 * Slots: {client} {person} {person2} {product} {product2} {city} {year}
 * {pct} {competitor} {month} {n}. Picked and filled by a seeded generator.
 */
export interface DemoBank {
  sections: Record<SectionKey, string[]>;
  headings: Record<SectionKey, string[]>;
  generic: string[];
  bullets: string[];
  tasks: string[];
  products: string[];
  competitors: string[];
  months: string[];
  table: { head: [string, string, string]; strengths: string[]; weaknesses: string[] };
}
