import { parseLocaleNumber } from '../../kernel/numbers';

/**
 * Number styles an imported column can be written in; each is read through
 * Intl's own separators for a representative locale, never by guessing
 * per cell. fr-FR stands for every space-grouped style ("1 234,50",
 * "1 234,50" with U+202F, Hungarian's no-break space).
 */
export const NUMBER_STYLES = {
  dot: 'en-US', // 1,234.50
  comma: 'de-DE', // 1.234,50
  space: 'fr-FR', // 1 234,50
} as const;
export type NumberStyle = keyof typeof NUMBER_STYLES;

const CURRENCY_MARK = /^(?:[\p{Sc}]|EUR|USD|HUF|GBP|THB|RUB|CHF|PLN|Ft|Kč|zł|руб\.?|р\.|บาท)\s*|\s*(?:[\p{Sc}]|EUR|USD|HUF|GBP|THB|RUB|CHF|PLN|Ft|Kč|zł|руб\.?|р\.|บาท)$/gu;

/** "€ 1.234,50", "1 234,50 Ft", "(12.00)" → the bare signed number text. */
export function stripNumberDecorations(text: string): string {
  let s = text.trim().replace(CURRENCY_MARK, '').trim();
  // Accounting negatives: "(12.00)".
  if (/^\(.*\)$/.test(s)) s = `-${s.slice(1, -1).trim()}`;
  return s.replace(/^-\s+/, '-');
}

/** Reads one number in a style; null for empty, NaN for unreadable. */
export function readNumber(text: string, style: NumberStyle): number | null {
  const bare = stripNumberDecorations(text);
  if (bare === '') return null;
  return parseLocaleNumber(bare, NUMBER_STYLES[style]);
}

export interface StyleGuess {
  style: NumberStyle;
  /** True when two styles read every value of the column but give different numbers ("1,234"). */
  ambiguous: boolean;
}

/**
 * Picks the style for a whole column: the one that reads the most values.
 * Ties go to `preferred` (from the user's locale), so "1,234" in an
 * otherwise undecidable column follows the locale and is flagged.
 */
export function guessNumberStyle(values: readonly string[], preferred: NumberStyle): StyleGuess {
  const styles = Object.keys(NUMBER_STYLES) as NumberStyle[];
  const ok: Record<NumberStyle, number> = { dot: 0, comma: 0, space: 0 };
  let disagreements = 0;
  for (const v of values) {
    const read = styles.map((st) => readNumber(v, st));
    styles.forEach((st, i) => {
      if (read[i] !== null && !Number.isNaN(read[i])) ok[st]++;
    });
    const readable = read.filter((n): n is number => n !== null && !Number.isNaN(n));
    if (readable.length > 1 && readable.some((n) => n !== readable[0])) disagreements++;
  }
  const best = Math.max(...styles.map((st) => ok[st]));
  const winners = styles.filter((st) => ok[st] === best);
  const style = winners.includes(preferred) ? preferred : winners[0];
  return { style, ambiguous: winners.length > 1 && disagreements > 0 };
}

/** The style a locale writes numbers in, for the tie-break above. */
export function styleOfLocale(locale: string): NumberStyle {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const decimal = parts.find((p) => p.type === 'decimal')?.value;
  const group = parts.find((p) => p.type === 'group')?.value ?? '';
  if (decimal === '.') return 'dot';
  return /^[\s\u00a0\u202f]$/.test(group) ? 'space' : 'comma';
}
