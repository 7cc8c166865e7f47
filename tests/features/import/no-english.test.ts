import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app';
import { describeError, inEnglish } from '../../../electron/i18n';
import { createRouter } from '../../../electron/router';
import { resources } from '../../../shared/i18n';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { writeCsv } from '../../helpers/fixtures';
import { problemInEnglish, reasonInEnglish } from '../../helpers/importing';

const KEY = /^[a-z]+:[\w.]+$/;

/** Whether `key` names a text in the English resources (a missing one would reach the user as the key itself). */
function isKnownKey(key: string): boolean {
  const [ns, path] = key.split(':');
  let node: unknown = (resources.en as Record<string, unknown>)[ns];
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string';
}

/** Every `key` anywhere in a JSON value. */
function keysIn(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) keysIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'key') out.push(v);
      keysIn(v, out);
    }
  }
  return out;
}

/** The wording of every message main can send about an import (and the kernel's errors): the parts between the {{placeholders}}. */
function englishWordings(): string[] {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') texts.push(node);
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk);
  };
  const i = resources.en.import;
  [i.errors, i.damage, i.problems, i.reasons, i.columns, i.and, i.theImport, i.nouns, resources.en.common.errors].forEach(walk);
  // Two words at least: a single word ("rejected", "value") is also a property name or a value in the JSON.
  return [...new Set(texts.flatMap((t) => t.split(/\{\{\w+\}\}/)).map((f) => f.trim()).filter((f) => f.length >= 8 && f.includes(' ')))];
}

function expectNoEnglish(value: unknown): void {
  const keys = keysIn(value);
  for (const k of keys) {
    expect(k, JSON.stringify(k)).toMatch(KEY);
    expect(isKnownKey(k as string), `${k as string} is in the English resources`).toBe(true);
  }
  const json = JSON.stringify(value);
  for (const words of englishWordings()) expect(json, `"${words}" crossed IPC`).not.toContain(words);
}

describe('no English crosses IPC for an import', () => {
  it('preview, commit and failed jobs send keys with parameters; the same keys read as before in English', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    const bad = writeCsv(dir, 'bad.csv', [
      'Client,Date,Amount',
      'A,2024-03-15,10',
      'B,2024-02-30,twelve', // two cells at once: the reason lists both
      ',2024-03-16,5',
      'C,2024-03-17,1,extra',
      'D,"2024-03-18,2', // an unclosed quote
      'E\u0000,2024-03-19,3',
      'F,2024-03-20,4',
    ].join('\n') + '\n');
    const fake = writeCsv(dir, 'fake.xlsx', 'Client,Amount\nA,1\n');
    const picks = [bad, fake];
    const router = createRouter(db, createHandlers({ version: 't', platform: { chooseImportFile: async () => picks.shift() ?? null } }), () => {});
    const answers: unknown[] = [];
    const handle = async (channel: string, input: unknown) => {
      const r = await router.handle(channel, input);
      answers.push(r);
      return r as { ok: boolean; value?: any; error?: any };
    };
    const job = async (spec: Record<string, unknown>, task: 'preview' | 'commit') => {
      const started = await handle('imports.start', { task, spec });
      for (;;) {
        const s = (await handle('jobs.status', { jobId: started.value.jobId })).value;
        if (s.state !== 'running') return s;
        await new Promise((r) => setTimeout(r, 10));
      }
    };

    const refused = await handle('imports.start', { task: 'preview', spec: { path: bad, kind: 'purchases' } });
    expect(describeError(refused.error)).toBe('Choose the file with "Choose file…" first.');
    await handle('imports.pickFile', {});
    await handle('imports.pickFile', {});

    const preview = await job({ path: bad, kind: 'purchases' }, 'preview');
    expect(preview.state).toBe('done');
    const rows = preview.result.preview.rows;
    expect(rows.find((r: any) => r.line === 3).problems.map(problemInEnglish)).toEqual([
      { column: 1, message: '"2024-02-30" is not a date' },
      { column: 2, message: '"twelve" is not a number' },
    ]);
    expect(rows.find((r: any) => r.line === 5).problems.map(problemInEnglish)).toEqual([{ column: -1, message: 'has 4 fields, expected 3' }]);

    const commit = await job({ path: bad, kind: 'purchases' }, 'commit');
    expect(commit.state).toBe('done');
    expect(commit.result.result).toMatchObject({ rows: 7, added: 2, rejected: 5 });
    expect(Object.fromEntries(commit.result.result.reasons.map(reasonInEnglish).map((x: any) => [x.lines.join(','), x.reason]))).toEqual({
      3: 'Date: value is not a date; Amount: value is not a number',
      4: 'Client: client is empty',
      5: 'has 4 fields, expected 3',
      6: 'a quote opened on this line is never closed',
      7: 'Client: contains the invisible character U+0000 (NUL), which Rapport does not store',
    });

    // Without a header row, columns are named by letter: the first line is data, and its "Date" is not a date.
    const headerless = await job({ path: bad, kind: 'purchases', headerRow: -1, mapping: ['client', 'date', 'amount'] }, 'preview');
    expect(headerless.result.preview.headers).toEqual(['', '', '']);
    expect(headerless.result.preview.summary.reasons.map(reasonInEnglish).find((x: any) => x.lines.includes(1)).reason).toBe('Column B: value is not a date; Column C: value is not a number');

    const unmapped = await job({ path: bad, kind: 'purchases', mapping: [null, null, null] }, 'commit');
    expect(unmapped.state).toBe('failed');
    expect(describeError(unmapped.error)).toBe('Map a column to client and date and amount before importing.');
    const damaged = await job({ path: fake, kind: 'purchases' }, 'preview');
    expect(damaged.state).toBe('failed');
    expect(describeError(damaged.error)).toBe('This file is not a valid .xlsx workbook (it is not a zip archive). Save it again from Excel as .xlsx.');
    const undo = await handle('imports.undoPlan', { id: 99 });
    expect(describeError(undo.error)).toBe(inEnglish('common:errors.notFound', { what: { key: 'import:nouns.import' }, id: 99 }));
    expect(describeError(undo.error)).toBe('Import #99 does not exist');

    expectNoEnglish(answers);
    const json = JSON.stringify(answers);
    for (const words of ['is not a number', 'is not a date', 'is empty', 'fields, expected', 'never closed', 'Column B', 'Map a column', 'not a valid .xlsx']) expect(json).not.toContain(words);
  });
});
