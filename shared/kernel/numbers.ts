const PLAIN_INTEGER = /^-?\d{1,15}$/;
const separators = new Map<string, { group: string; decimal: string; spaceGroup: boolean }>();

/** Intl's separators for a locale, cached: building a NumberFormat per value would dominate a million-line import. */
function separatorsOf(locale: string) {
  let found = separators.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    const group = parts.find((p) => p.type === 'group')?.value ?? ',';
    found = { group, decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', spaceGroup: /^[\s\u00a0\u202f]$/.test(group) };
    separators.set(locale, found);
  }
  return found;
}

/**
 * Reads a number typed in the user's locale ("1 234,5" in hu-HU, "1,234.5" in
 * en-GB): separators come from Intl, not guesses, and must sit where that
 * locale puts them — "12.345,50" in en-GB is refused, not read as 12.3455.
 * Empty gives null; anything unreadable gives NaN so validation can say what to fix.
 */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const { group, decimal, spaceGroup } = separatorsOf(locale);
  if (PLAIN_INTEGER.test(trimmed)) return Number(trimmed);
  let s = trimmed.replace(/^[\u2212]/, '-');
  const sign = /^[-+]/.test(s) ? s[0] : '';
  s = s.slice(sign.length);
  const pieces = s.split(decimal);
  if (pieces.length > 2) return Number.NaN;
  const [intPart, fraction = ''] = pieces;
  if (pieces.length === 2 && !/^\d+$/.test(fraction)) return Number.NaN;
  let digits: string;
  if (/^\d+$/.test(intPart) || (intPart === '' && fraction !== '')) digits = intPart || '0';
  else {
    // Grouped: 1–3 digits, then groups of exactly three; any space counts as a space-group mark.
    const groups = spaceGroup ? intPart.split(/[\s\u00a0\u202f]/) : intPart.split(group);
    if (groups.length < 2 || !/^\d{1,3}$/.test(groups[0]) || !groups.slice(1).every((g) => /^\d{3}$/.test(g))) return Number.NaN;
    digits = groups.join('');
  }
  return Number(`${sign}${digits}${fraction ? `.${fraction}` : ''}`);
}
