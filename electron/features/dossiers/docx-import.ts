import type { ImportedSection } from '../../../shared/features/dossiers/html-to-doc';
import { fold } from '../../../shared/features/dossiers/text/fold';
import type { DocxImportResult } from '../../../shared/features/dossiers/types';
import type { Db } from '../../db/connection';
import { contentOf } from './content';
import { addSection, createDossier } from './dossiers';
import { userTranslator } from './labels';
import { sectionRepo } from './repository';
import { replaceContent } from './sections';

/**
 * Puts a Word dossier's sections into the client's dossier (started from the
 * template if there is none): a section whose title matches an empty one of
 * the dossier fills it; every other becomes a new section at the end.
 * Nothing already written is overwritten. One transaction.
 */
export function importSections(db: Db, clientId: number, sections: ImportedSection[], images: { alt: string | null }[], warnings: string[]): DocxImportResult {
  return db.sqlite.transaction(() => {
    const t = userTranslator(db);
    const { id: dossierId } = createDossier(db, clientId);
    const out: DocxImportResult['sections'] = [];
    let words = 0;
    for (const s of sections) {
      const title = (s.title ?? t('import.preface')).slice(0, 200) || t('import.untitled');
      const live = sectionRepo.ofDossier(db, dossierId).filter((x) => !x.archivedAt);
      const same = live.find((x) => fold(x.title).trim() === fold(title).trim() && !x.text.trim() && !out.some((o) => o.id === x.id));
      const id = same ? same.id : addSection(db, { dossierId, title, afterId: null }).id;
      replaceContent(db, id, s.doc, 'import');
      words += contentOf(s.doc).words;
      out.push({ id, title, filled: Boolean(same) });
    }
    return { dossierId, sections: out, words, images, warnings };
  }).immediate();
}
