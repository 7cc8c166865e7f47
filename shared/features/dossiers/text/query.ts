import { fold, TOKENS } from './fold';
import { hasNoSpaceScript, spaceWords } from './segment';

/** One word or "quoted phrase" of a query, as the index's tokens. */
export interface QueryTerm {
  /** Folded tokens in order: a phrase when there are several (a Thai word the segmenter splits, a quoted phrase). */
  tokens: string[];
  /**
   * For a run of Thai (or similar) written as one: the run as a single token,
   * so a word the segmenter splits when it stands alone is still found where
   * the text's own segmentation kept it whole.
   */
  whole: string | null;
  /** The last word while typing: matches words that start with it. */
  prefix: boolean;
}

export const MAX_TERMS = 16;
const MAX_TOKEN = 100;
/** Shorter prefixes match most of the index; typing one more letter costs nothing. */
const MIN_PREFIX = 2;

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

function termOf(raw: string, prefix: boolean): QueryTerm | null {
  const tokens = (fold(spaceWords(raw)).match(TOKENS) ?? []).map((t) => t.slice(0, MAX_TOKEN));
  if (!tokens.length) return null;
  const runs = hasNoSpaceScript(raw) ? (fold(raw).match(TOKENS) ?? []) : [];
  const whole = tokens.length > 1 && runs.length === 1 ? runs[0].slice(0, MAX_TOKEN) : null;
  return { tokens, whole, prefix: prefix && tokens[tokens.length - 1].length >= MIN_PREFIX };
}

/**
 * A query as the user typed it: words (all must occur, in any order) and
 * "quoted phrases"; `typing` makes the last word a prefix unless the query
 * ends with a space. Folded and segmented exactly like the indexed text.
 */
export function parseQuery(q: string, typing = false): QueryTerm[] {
  const parts = [...q.matchAll(/"([^"]*)"?|(\S+)/g)].map((m) => ({ text: m[1] ?? m[2], quoted: m[1] !== undefined }));
  const open = typing && !/\s$/.test(q) && !q.trim().endsWith('"');
  const terms: QueryTerm[] = [];
  parts.forEach((p, i) => {
    const t = termOf(p.text, open && i === parts.length - 1 && !p.quoted);
    if (t && terms.length < MAX_TERMS) terms.push(t);
  });
  return terms;
}

/** The FTS5 MATCH expression for the terms; null when nothing searchable was typed. */
export function matchExpression(terms: QueryTerm[]): string | null {
  if (!terms.length) return null;
  return terms
    .map((t) => {
      const star = t.prefix ? '*' : '';
      const phrase = `${quote(t.tokens.join(' '))}${star}`;
      return t.whole ? `(${phrase} OR ${quote(t.whole)}${star})` : phrase;
    })
    .join(' AND ');
}
