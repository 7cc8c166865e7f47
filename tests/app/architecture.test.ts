import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../shared/contract';
import { LANGUAGES, resources } from '../../shared/i18n';
import { ROOT } from '../helpers/paths';

const FEATURES = readdirSync(join(ROOT, 'shared', 'features')).sort();

/** Registry file → the part each feature contributes to it (features without the part are not listed). */
const REGISTRIES: { file: string; part: (f: string) => string }[] = [
  { file: 'shared/contract/index.ts', part: (f) => `shared/features/${f}/contract.ts` },
  { file: 'shared/i18n/index.ts', part: (f) => `shared/features/${f}/i18n/index.ts` },
  { file: 'electron/app.ts', part: (f) => `electron/features/${f}/handlers.ts` },
  { file: 'electron/db/schema.ts', part: (f) => `electron/features/${f}/schema.ts` },
  { file: 'electron/cli/index.ts', part: (f) => `electron/features/${f}/cli.ts` },
  { file: 'electron/jobs/tasks.ts', part: (f) => `electron/features/${f}/tasks.ts` },
  { file: 'renderer/src/app/registry.ts', part: (f) => `renderer/src/features/${f}/ui.ts` },
  { file: 'electron/demo-seeds.ts', part: (f) => `electron/features/${f}/demo.ts` },
];

const flatten = (o: unknown, prefix = ''): string[] =>
  typeof o === 'string' ? [prefix] : Object.entries(o as object).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));

describe('the feature layout', () => {
  for (const { file, part } of REGISTRIES) {
    it(`${file} lists each feature that has the part once, and no other`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const has = FEATURES.filter((f) => existsSync(join(ROOT, part(f))));
      expect(has.length).toBeGreaterThan(0);
      // Type-only imports (a registry's element type) are not a feature's entry.
      const imported = [...text.matchAll(/^(?:import|export) (?!type )[^;]*from '\.{1,2}\/(?:\.\.\/)*features\/([a-z-]+)\//gm)].map((m) => m[1]);
      expect([...new Set(imported)].sort()).toEqual(has);
      // One import of the part per feature: nothing else of a feature leaks into a registry.
      for (const f of has) expect(imported.filter((x) => x === f).length, `${f} in ${file}`).toBe(1);
    });
  }

  it('every language has exactly the keys English has, plurals in that language\'s own forms', () => {
    const english = new Set(flatten(resources.en));
    expect(english.size).toBeGreaterThan(300);
    const SUFFIX = /_(zero|one|two|few|many|other)$/;
    const split = (keys: Iterable<string>) => {
      const plain = new Set<string>();
      const plural = new Map<string, Set<string>>();
      for (const k of keys) {
        const m = SUFFIX.exec(k);
        if (!m) plain.add(k);
        else plural.set(k.slice(0, m.index), (plural.get(k.slice(0, m.index)) ?? new Set()).add(m[1]));
      }
      return { plain, plural };
    };
    const en = split(english);
    for (const lang of LANGUAGES) {
      const l = split(flatten(resources[lang]));
      expect([...en.plain].filter((k) => !l.plain.has(k)), `${lang} lacks`).toEqual([]);
      expect([...l.plain].filter((k) => !en.plain.has(k)), `${lang} has extra`).toEqual([]);
      // i18next picks the form with Intl.PluralRules: each plural key has exactly the language's categories.
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
      for (const base of new Set([...en.plural.keys(), ...l.plural.keys()])) {
        expect([...(l.plural.get(base) ?? [])].sort(), `${lang} ${base}`).toEqual(forms);
      }
    }
  });

  it('every tag a write invalidates is read by some screen', () => {
    const read = new Set(CHANNELS.flatMap((c) => contract[c].reads));
    const invalidated = new Set(CHANNELS.flatMap((c) => [...contract[c].invalidates, ...(contract[c].jobInvalidates ?? [])]));
    expect([...invalidated].filter((t) => t !== '*' && !read.has(t))).toEqual([]);
    // A command always says what it changes, even if that is nothing another screen shows.
    for (const c of CHANNELS) if (contract[c].kind === 'command') expect(Array.isArray(contract[c].invalidates), c).toBe(true);
  });
});
