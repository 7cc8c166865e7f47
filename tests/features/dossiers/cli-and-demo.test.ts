import { existsSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { UsageError } from '../../../electron/cli/command';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { AS_OF, tempDir } from '../../helpers/db';

async function cli(args: string[]): Promise<any> {
  const out: string[] = [];
  expect(await run(args, (s) => out.push(s))).toBe(0);
  return args.includes('--json') ? JSON.parse(out.join('')) : out.join('');
}

const sectionTexts = (file: string) => {
  const db = openDatabase(file, findMigrationsFolder());
  try {
    return db.sqlite.prepare(`SELECT d.client_id AS clientId, s.title, s.text, s.words FROM dossier_sections s JOIN dossiers d ON d.id = s.dossier_id ORDER BY s.id`).all() as { clientId: number; title: string; text: string; words: number }[];
  } finally {
    db.sqlite.close();
  }
};

describe('the demo\'s dossiers and the command line', () => {
  it('the demo writes dossiers of several thousand words for its key accounts in their languages, the same for the same seed', async () => {
    const dir = tempDir();
    const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
    await cli(['demo', '--db', a, '--clients', '120', '--purchases', '4000', '--seed', '7', '--as-of', AS_OF]);
    await cli(['demo', '--db', b, '--clients', '120', '--purchases', '4000', '--seed', '7', '--as-of', AS_OF]);
    const sa = sectionTexts(a);
    expect(sa).toEqual(sectionTexts(b));
    const perClient = new Map<number, { words: number; text: string }>();
    for (const s of sa) {
      const x = perClient.get(s.clientId) ?? { words: 0, text: '' };
      perClient.set(s.clientId, { words: x.words + s.words, text: x.text + s.text });
    }
    expect(perClient.size).toBeGreaterThanOrEqual(5);
    for (const { words } of perClient.values()) expect(words).toBeGreaterThan(3000);
    const all = [...perClient.values()].map((x) => x.text).join(' ');
    expect(all).toMatch(/[\u0E00-\u0E7F]{20}/); // Thai
    expect(all).toMatch(/[а-яё]{6}/); // Russian
    expect(all).toMatch(/ügyfel|szállít/); // Hungarian
    expect(all).toMatch(/livraison|entreprise/); // French
    expect(all).toMatch(/pristatym|įmonė/i); // Lithuanian
  });

  it('search prints { total, hits: [{ client_code, kind, section, snippet, rank }] }; total counts every match', async () => {
    const file = join(tempDir(), 'c.db');
    await cli(['demo', '--db', file, '--clients', '80', '--purchases', '2000', '--seed', '3', '--as-of', AS_OF]);
    const all = await cli(['search', 'ลูกค้า', '--db', file, '--json', '--limit', '200']);
    expect(all.total).toBeGreaterThan(1);
    expect(all.hits).toHaveLength(all.total);
    const one = await cli(['search', 'ลูกค้า', '--db', file, '--json', '--limit', '1']);
    expect(one.total).toBe(all.total);
    expect(one.hits).toHaveLength(1);
    expect(Object.keys(one.hits[0]).sort()).toEqual(['client', 'client_code', 'kind', 'rank', 'section', 'snippet', 'title']);
    expect(one.hits[0]).toMatchObject({ kind: 'section', rank: 1, client_code: expect.stringMatching(/^C\d{6}$/) });
    expect(one.hits[0].snippet).toContain('**ลูกค้า**');
    // Interaction summaries of the demo base are found too.
    const calls = await cli(['search', 'quarterly review', '--db', file, '--json']);
    expect(calls.hits.some((h: { kind: string }) => h.kind === 'interaction')).toBe(true);
    expect(await cli(['search', 'zzzqqq', '--db', file, '--json'])).toEqual({ total: 0, hits: [] });
    expect(() => run(['search', '--db', file], () => {})).toThrow(UsageError);
  });

  it('dossier import and export by client code', async () => {
    const dir = tempDir();
    const file = join(dir, 'd.db');
    await cli(['demo', '--db', file, '--clients', '40', '--purchases', '800', '--seed', '2', '--as-of', AS_OF]);
    const db = openDatabase(file, findMigrationsFolder());
    const code = (db.sqlite.prepare('SELECT c.code FROM dossiers d JOIN clients c ON c.id = d.client_id ORDER BY d.id LIMIT 1').get() as { code: string }).code;
    const without = db.sqlite.prepare('SELECT code, name FROM clients WHERE id NOT IN (SELECT client_id FROM dossiers) ORDER BY id LIMIT 3').all() as { code: string; name: string }[];
    db.sqlite.close();
    const out = join(dir, `${code}.docx`);
    const exported = await cli(['dossier', 'export', '--client', code, '--db', file, '--out', out, '--json']);
    expect(exported.path).toBe(out);
    expect(existsSync(out)).toBe(true);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain('Company overview');
    // The exported file comes back in as sections of another client's dossier.
    await expect(run(['dossier', 'export', '--client', without[0].code, '--db', file, '--out', join(dir, 'none.docx')], () => {})).rejects.toThrow(`${without[0].name} has no dossier yet`);
    const r = await cli(['dossier', 'import', out, '--client', without[0].code, '--db', file, '--json']);
    expect(r.sections.length).toBeGreaterThanOrEqual(8);
    expect(r.words).toBeGreaterThan(0);
    const text2 = await cli(['dossier', 'import', out, '--client', without[1].code, '--db', file]);
    expect(text2).toMatch(/^Imported into the dossier of .+: \d+ sections, \d+ words\./);
    expect(() => run(['dossier', 'export', '--client', code, '--db', file, '--out', join(dir, 'x.pdf')], () => {})).toThrow(/--out FILE.docx is required/);
    expect(() => run(['dossier', 'import', out, '--db', file], () => {})).toThrow(/--client CODE is required/);
    await expect(run(['dossier', 'import', out, '--client', 'NOPE', '--db', file], () => {})).rejects.toThrow('No client has the code "NOPE"');
  });
});
