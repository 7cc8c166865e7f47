/**
 * Sorting and searching text the way the user's language expects: names
 * sort with the language's collation (Hungarian "cs" after "c", Lithuanian
 * "y" with "i", Thai order) and quick search ignores accents ("Kovacs" finds
 * "Kovács", "ежик" finds "ёжик").
 */

const collators = new Map<string, Intl.Collator>();

/** One collator per locale, numeric so "Client 9" sorts before "Client 10". */
export function collatorFor(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { numeric: true, sensitivity: 'variant' });
    collators.set(locale, c);
  }
  return c;
}

/** Compares two cell values: text by the locale's collation, numbers as numbers, empty last. */
export function compareCells(locale: string, a: unknown, b: unknown): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collatorFor(locale).compare(String(a), String(b));
}

// Marks are dropped only after Latin and Cyrillic letters: a Thai vowel or tone mark is a letter of its word.
const ACCENTED = /([\p{Script=Latin}\p{Script=Cyrillic}])\p{M}+/gu;

const PLAIN_ASCII = /^[\x00-\x7f]*$/;

/** Text folded for search: lower case, no accents on Latin and Cyrillic letters, ё as е. */
export function foldForSearch(text: string, locale?: string): string {
  // Most names and codes are plain ASCII: nothing to take apart, and 50,000 rows are folded on the first search.
  if (!locale && PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(ACCENTED, '$1').normalize('NFC').toLocaleLowerCase(locale);
}
