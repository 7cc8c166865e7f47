/**
 * Texts a translation may leave exactly as English has them, because the
 * language writes them the same: product and format names, symbols, and the
 * words each language shares with English. Anything else equal to English is
 * an untranslated string.
 */
export const SAME_AS_ENGLISH: {
  all: string[];
  hu: string[];
  fr: string[];
  lt: string[];
  th: string[];
  ru: string[];
  /** Keys whose translation uses other placeholders than English on purpose. */
  placeholders: Record<string, string[]>;
} = {
  all: ['Rapport', 'Pareto', 'HHI', 'ABC', 'CSV', 'Excel', 'Excel 1900', 'Excel 1904 (Mac)', 'UTF-8', '.xlsx', '{{name}}', '—'],
  hu: ['E-mail'],
  fr: ['Clients', 'Client', 'Code', 'Type', 'Portrait', 'Contact', 'Contacts', 'Interaction', 'Interactions', 'Prospect', 'Dormant', 'E-mail', 'Notes', 'Date', 'Description', 'Normal', 'Danger', 'Import', 'Format', 'client', 'contact', 'interaction', 'Mention'],
  lt: [],
  th: [],
  ru: [],
  // The field's name on screen, not its key: "Név üres".
  placeholders: { 'import.problems.empty': ['label'] },
};

/**
 * Words a Thai or Russian text may write in Latin letters, case as written:
 * names of products, formats, file extensions and ciphers, the command-line
 * flags and environment variable a message tells the user to type, and the
 * example e-mail address.
 */
export const LATIN_ALLOWED =
  /^(Rapport|Excel|LibreOffice|Word|Chromium|SQLite|Mac|CSV|csv|TSV|txt|xls|xlsx|docx|doc|PDF|pdf|JSON|ZIP|UTF|NUL|AEGIS|Pareto|HHI|ABC|KAM|BG|NBD|ICU|CDNOW|http|https|www|--key-file|--map|RAPPORT_KEY|name@example\.com)$/;

/**
 * A flag (`--key-file`), an environment variable (`RAPPORT_KEY`) and an e-mail
 * address are one word each, so allowing one allows none of its parts ("key", "file").
 */
const LATIN_WORD = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|--[A-Za-z][A-Za-z-]*|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Za-z]{3,}/g;

/** The Latin words of a Thai or Russian text that LATIN_ALLOWED does not name. */
export function strayLatinWords(text: string): string[] {
  return (text.match(LATIN_WORD) ?? []).filter((w) => !LATIN_ALLOWED.test(w));
}
