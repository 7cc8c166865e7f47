import { describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/features/privacy/i18n';

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[p + k, v] as [string, string]] : flat(v, `${p}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the privacy namespace', () => {
  it('speaks all six languages with exactly the English keys and the same placeholders', () => {
    expect(Object.keys(i18n).sort()).toEqual(['en', 'fr', 'hu', 'lt', 'ru', 'th']);
    const en = new Map(flat(i18n.en));
    for (const [lang, strings] of Object.entries(i18n)) {
      const here = new Map(flat(strings as Tree));
      expect([...here.keys()], lang).toEqual([...en.keys()]);
      for (const [k, v] of here) {
        expect(v.trim(), `${lang} ${k}`).not.toBe('');
        expect(placeholders(v), `${lang} ${k}`).toEqual(placeholders(en.get(k)!));
        // Plural keys would need each language's own forms; this namespace words its counts so it needs none.
        expect(k, `${lang} ${k}`).not.toMatch(/_(zero|one|two|few|many|other)$/);
      }
      if (lang !== 'en') expect(strings.unlock.title, lang).not.toBe(i18n.en.unlock.title);
    }
  });
});
