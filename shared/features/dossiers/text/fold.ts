/**
 * Folding for search, the same on both sides of the index: lower case, no
 * accents on Latin letters (ügyfél → ugyfel, Sergé → serge), ё → е; Thai
 * vowel and tone marks are letters of the word and stay. Compatibility forms
 * (ﬁ, full-width letters) become their plain letters.
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ø: 'o', đ: 'd', ł: 'l', ß: 'ss', ı: 'i', ŀ: 'l', þ: 'th', ð: 'd' };
const LIGATURE_RE = /[œæøđłßıŀþð]/g;
// Combining marks of the Latin/Greek/Cyrillic block, except the breve that makes й (й is a letter of its own in Russian).
const MARKS = /[\u0300-\u0305\u0307-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]|(?<![иИ])\u0306/g;

export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(LIGATURE_RE, (c) => LIGATURES[c]).normalize('NFC');
}

const cache = new Map<string, string>();
/** One character folded on its own (a combining mark alone folds to nothing): for mapping folded text back to the original. */
export function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f === undefined) {
    f = ch === '\u0306' ? '' : fold(ch);
    if (cache.size < 10_000) cache.set(ch, f);
  }
  return f;
}

/** The folded text and, for each of its UTF-16 units, where it came from in the original. */
export function foldWithMap(text: string): { folded: string; from: number[] } {
  const parts: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = cp > 0xffff ? text.slice(i, i + 2) : text[i];
    // ASCII letters and digits are the common case: no normalisation needed.
    const f = cp < 128 ? (cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch) : foldChar(ch);
    for (let k = 0; k < f.length; k++) from.push(i);
    parts.push(f);
    i += ch.length;
  }
  return { folded: parts.join(''), from };
}

/** What the full-text tokenizer keeps as part of a word ("L* N* Co M*"). */
export const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}\p{M}]/u;
export const TOKENS = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
