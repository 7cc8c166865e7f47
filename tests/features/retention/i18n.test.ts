import { describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/features/retention/i18n';
import { SAME_AS_ENGLISH } from '../../app/same-as-english';

const flatten = (o: unknown, prefix = ''): [string, string][] =>
  typeof o === 'string' ? [[prefix, o]] : Object.entries(o as object).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));

const SUFFIX = /_(zero|one|two|few|many|other)$/;
const split = (keys: string[]) => {
  const plain = new Set<string>();
  const plural = new Map<string, Set<string>>();
  for (const k of keys) {
    const m = SUFFIX.exec(k);
    if (!m) plain.add(k);
    else plural.set(k.slice(0, m.index), (plural.get(k.slice(0, m.index)) ?? new Set()).add(m[1]));
  }
  return { plain, plural };
};
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** The model's name is the one Latin word a Thai or Russian screen of this feature shows (as tests/e2e/languages.test.ts allows). */
const latinWords = (s: string) => (s.replace(/\{\{\w+\}\}/g, '').match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !/^(BG|NBD)$/.test(w));

// The app's language list still says ['en'] (another change turns the others on), so the shared key tests do not see these yet.
describe('the retention namespace in all six languages', () => {
  const en = flatten(i18n.en);
  const english = split(en.map(([k]) => k));
  const englishText = new Map(en.map(([k, v]) => [k.replace(SUFFIX, ''), v]));
  const englishExact = new Map(en);
  it('is shipped in the six languages', () => {
    expect(Object.keys(i18n).sort()).toEqual(['en', 'fr', 'hu', 'lt', 'ru', 'th']);
  });
  for (const [lang, strings] of Object.entries(i18n)) {
    it(`${lang} has exactly English's keys, its own plural forms, the same placeholders, and nothing left in English`, () => {
      const flat = flatten(strings);
      const mine = split(flat.map(([k]) => k));
      expect([...english.plain].filter((k) => !mine.plain.has(k)), `${lang} lacks`).toEqual([]);
      expect([...mine.plain].filter((k) => !english.plain.has(k)), `${lang} has extra`).toEqual([]);
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
      expect([...mine.plural.keys()].sort()).toEqual([...english.plural.keys()].sort());
      for (const [base, got] of mine.plural) expect([...got].sort(), `${lang} ${base}`).toEqual(forms);
      if (lang === 'en') return;
      const allowed = new Set([...SAME_AS_ENGLISH.all, ...SAME_AS_ENGLISH[lang as 'hu']]);
      for (const [k, v] of flat) {
        expect(v.trim(), `${lang} ${k}`).not.toBe('');
        const want = placeholders(englishText.get(k.replace(SUFFIX, ''))!).filter((p) => !(SUFFIX.test(k) && p === 'count'));
        expect(placeholders(v).filter((p) => !(SUFFIX.test(k) && p === 'count')), `${lang} ${k}`).toEqual(want);
        const same = v === (englishExact.get(k) ?? englishExact.get(k.replace(SUFFIX, '_other')));
        if (same && /[A-Za-z]{2}/.test(v.replace(/\{\{\w+\}\}/g, ''))) expect(allowed.has(v), `${lang} ${k} is still English: ${v}`).toBe(true);
        if (lang === 'th' || lang === 'ru') expect(latinWords(v), `${lang} ${k}`).toEqual([]);
      }
    });
  }
});
