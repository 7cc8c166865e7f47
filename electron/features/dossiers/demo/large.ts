import { SECTION_KEYS } from '../../../../shared/features/dossiers/template';
import type { DocNode } from '../../../../shared/features/dossiers/doc';
import { seeded } from './seeded';
import type { DemoBank } from './bank';
import { composeSection } from './compose';
import { en } from './en';
import { fr } from './fr';
import { hu } from './hu';
import { lt } from './lt';
import { ru } from './ru';
import { th } from './th';

export const BANKS_BY_LANGUAGE: Record<string, DemoBank> = { en, hu, fr, lt, th, ru };

/** About this many words make a printed page of a dossier (the PDF is laid out for it). */
export const WORDS_PER_PAGE = 500;

/**
 * The eight sections of a dossier of about `pages` pages in one language,
 * from the demo's sentences: for benchmarks and the export tests.
 */
export function largeDossier(pages: number, language: keyof typeof BANKS_BY_LANGUAGE, seed = 1): DocNode[] {
  const r = seeded(seed);
  const bank = BANKS_BY_LANGUAGE[language];
  const words = (pages * WORDS_PER_PAGE) / SECTION_KEYS.length;
  const slots = { client: 'Orion Supply Co.', person: 'Anna Kovács', person2: 'Sergei Ivanov', city: 'Győr' };
  return SECTION_KEYS.map((key) => composeSection(bank, key, slots, r, words));
}
