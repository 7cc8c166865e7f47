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

/** Words a Thai or Russian text may write in Latin letters: names of products, formats and measures. */
export const LATIN_ALLOWED = /^(Rapport|Excel|CSV|TSV|Pareto|HHI|ABC|KAM|UTF|xlsx|docx|doc|pdf|Word|PDF|BG|NBD|ICU|SQLite|Chromium|http|https|www|JSON|CDNOW)$/i;
