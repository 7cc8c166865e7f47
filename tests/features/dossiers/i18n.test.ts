import { describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/features/dossiers/i18n';
import { SAME_AS_ENGLISH } from '../../app/same-as-english';

/**
 * The dossiers namespace in every language, checked the way tests/app/languages.test.ts
 * checks the app's languages once they are switched on, so it holds before that.
 */
function flatten(tree: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
/** The Latin words tests/e2e/languages.test.ts lets a Thai or Russian screen show. */
const LATIN_ALLOWED = /^(Rapport|Excel|CSV|TSV|Pareto|HHI|ABC|KAM|UTF|xlsx|docx|pdf|Word|PDF|BG|NBD|ICU|SQLite|http|https|www|JSON|CDNOW)$/i;
const en = flatten(i18n.en);
const others = (['hu', 'fr', 'lt', 'th', 'ru'] as const).map((lang) => ({ lang }));

describe.each(others)('dossiers in $lang', ({ lang }) => {
  const own = flatten(i18n[lang]);

  it('has exactly the keys of English, each plural in the forms the language uses', () => {
    const base = (k: string) => k.replace(PLURAL, '');
    expect([...new Set([...own.keys()].map(base))].sort()).toEqual([...new Set([...en.keys()].map(base))].sort());
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const key of en.keys()) {
      if (!key.endsWith('_other')) continue;
      const b = base(key);
      for (const form of forms) expect(own.has(`${b}_${form}`), `${lang}: ${b}_${form}`).toBe(true);
    }
  });

  it('keeps every placeholder of the English text', () => {
    const wrong: string[] = [];
    for (const [key, value] of own) {
      const english = en.get(key) ?? en.get(`${key.replace(PLURAL, '')}_other`);
      if (english !== undefined && JSON.stringify(placeholders(english)) !== JSON.stringify(placeholders(value))) wrong.push(`${key}: ${value}`);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves nothing in English but the words the language writes the same', () => {
    const allowed = new Set([...SAME_AS_ENGLISH.all, ...SAME_AS_ENGLISH[lang]]);
    const same = [...own].filter(([key, value]) => {
      const english = en.get(key) ?? en.get(`${key.replace(PLURAL, '')}_other`);
      return value === english && /[A-Za-z]{2}/.test(value.replace(/\{\{[^}]*\}\}/g, '')) && !allowed.has(value);
    });
    expect(same).toEqual([]);
  });

  if (lang === 'th' || lang === 'ru') it('writes no Latin word but the names of products and formats', () => {
    // Two messages name an old file format and the print engine; messages are not the buttons and labels that test checks.
    const named = /^(doc|Chromium)$/;
    const latin = [...own].flatMap(([key, value]) =>
      (value.replace(/\{\{[^}]*\}\}/g, '').match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !LATIN_ALLOWED.test(w) && !named.test(w)).map((w) => `${key}: ${w}`),
    );
    expect(latin).toEqual([]);
  });
});
