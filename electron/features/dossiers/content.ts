import { docText, type DocNode } from '../../../shared/features/dossiers/doc';
import { countWords } from '../../../shared/features/dossiers/text/segment';

/** A document as stored: its JSON, the text derived from it, and its word count. */
export function contentOf(doc: DocNode): { doc: string; text: string; words: number } {
  const { text } = docText(doc);
  return { doc: JSON.stringify(doc), text, words: countWords(text) };
}
