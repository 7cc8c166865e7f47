import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources, type Language } from '../../shared/i18n';
import { APP_LANGUAGES } from '../../shared/kernel/app-settings';
import { SAME_AS_ENGLISH, strayLatinWords } from './same-as-english';

function flatten(tree: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

async function translator(lang: Language) {
  const i = i18next.createInstance();
  await i.init({ resources, lng: lang, fallbackLng: false, defaultNS: 'common', ns: Object.keys(resources.en), interpolation: { escapeValue: false }, showSupportNotice: false });
  return i;
}

it('the app ships every language Settings offers', () => {
  expect([...LANGUAGES]).toEqual([...APP_LANGUAGES]);
});

describe.each(LANGUAGES.filter((l) => l !== 'en').map((lang) => ({ lang })))('$lang', ({ lang }) => {
  const en = flatten(resources.en);
  const own = flatten(resources[lang]);

  it('keeps every placeholder of the English text (plural forms against English other)', () => {
    const wrong: string[] = [];
    for (const [key, value] of own) {
      const base = key.replace(PLURAL, '');
      const english = en.get(key) ?? en.get(`${base}_other`);
      if (english === undefined) continue;
      const want = placeholders(english);
      const got = placeholders(value);
      const same = (x: string[], y: string[]) => JSON.stringify(x) === JSON.stringify(y);
      // A plural form may say its number as a word ("one row"): every other placeholder stays.
      const withoutCount = (x: string[]) => x.filter((p) => p !== 'count');
      const allowed = SAME_AS_ENGLISH.placeholders[key];
      // Russian and Lithuanian "one" covers 21, 31…: it may say the number English's "one" leaves out, if English's "other" has it.
      const other = PLURAL.test(key) ? placeholders(en.get(`${base}_other`) ?? english) : want;
      const pluralOk = PLURAL.test(key) && withoutCount(want).every((p) => got.includes(p)) && got.every((p) => other.includes(p) || p === 'count');
      if (!same(want, got) && !pluralOk && !(allowed && same([...allowed].sort(), got))) wrong.push(`${key}: ${value}`);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves no text empty', () => {
    expect([...own].filter(([, value]) => value.trim() === '').map(([key]) => key)).toEqual([]);
  });

  if (lang === 'th' || lang === 'ru') it('writes no Latin word but the names of products and formats', () => {
    const latin = [...own].flatMap(([key, value]) =>
      strayLatinWords(value.replace(/\{\{[^}]*\}\}/g, '')).map((w) => `${key}: ${w}`),
    );
    expect(latin).toEqual([]);
  });

  it('leaves no text in English except the words the language writes the same', () => {
    const allowed = new Set([...SAME_AS_ENGLISH.all, ...(SAME_AS_ENGLISH[lang as Exclude<Language, 'en'>] ?? [])]);
    const same: string[] = [];
    for (const [key, value] of own) {
      const english = en.get(key) ?? en.get(`${key.replace(PLURAL, '')}_other`);
      if (value === english && /[A-Za-z]{2}/.test(value.replace(/\{\{[^}]*\}\}/g, '')) && !allowed.has(value)) same.push(`${key}: ${value}`);
    }
    expect(same).toEqual([]);
  });

  it('says every count in the form the language uses for it', async () => {
    const t = await translator(lang);
    const rules = new Intl.PluralRules(lang);
    for (const count of [0, 1, 2, 5, 11, 21, 1.5]) {
      const form = rules.select(count);
      expect(t.t('common:rows', { count }), `${count}`).toBe((resources[lang as Language].common as unknown as Record<string, string>)[`rows_${form}`].replace('{{count}}', String(count)));
    }
  });
});

it('Russian and Lithuanian say one, few and many rows with different words', async () => {
  const ru = await translator('ru' as Language);
  const lt = await translator('lt' as Language);
  const words = (t: typeof ru, counts: number[]) => counts.map((count) => t.t('common:rows', { count }).replace(/[\d.,\s]+/g, ' ').trim());
  // 1, 21 share a form; 2, 22 another; 5, 11 a third; 1.5 the fraction form.
  const [r1, r21, r2, r22, r5, r11] = words(ru, [1, 21, 2, 22, 5, 11]);
  expect(r1).toBe(r21);
  expect(r2).toBe(r22);
  expect(r5).toBe(r11);
  expect(new Set([r1, r2, r5]).size).toBe(3);
  const [l1, l21, l2, l9, l10, l11] = words(lt, [1, 21, 2, 9, 10, 11]);
  expect(l1).toBe(l21);
  expect(l2).toBe(l9);
  expect(l10).toBe(l11);
  expect(new Set([l1, l2, l10]).size).toBe(3);
});
