import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { AS_OF, tempDir } from '../../helpers/db';
import { translate } from '../../../electron/i18n';

const FROM = '2025-07-01';

async function cli(args: string[]): Promise<any> {
  const out: string[] = [];
  expect(await run(args, (s) => out.push(s))).toBe(0);
  return args.includes('--json') ? JSON.parse(out.join('')) : out.join('');
}

describe('rapport report', () => {
  it('pareto, dependency, abc and kam as JSON on demo data, shares as fractions, dates inclusive', async () => {
    const db = join(tempDir(), 'r.db');
    await cli(['demo', '--db', db, '--clients', '120', '--purchases', '6000', '--seed', '5', '--as-of', AS_OF]);
    const period = ['--from', FROM, '--to', AS_OF, '--json'];
    const pareto = await cli(['report', 'pareto', '--db', db, ...period]);
    const dep = await cli(['report', 'dependency', '--db', db, ...period]);
    expect(pareto.period).toEqual({ from: FROM, to: AS_OF });
    // The Pareto point recomputed from the rows the same command printed.
    const total = pareto.rows.reduce((a: number, r: any) => a + r.revenue, 0);
    let cum = 0;
    const k = pareto.rows.findIndex((r: any) => (cum += r.revenue) >= 0.8 * total) + 1;
    expect(pareto.share_of_clients_for_80pct).toBeCloseTo(k / pareto.rows.length, 12);
    expect(pareto.share_of_clients_for_80pct).toBeGreaterThan(0.05);
    expect(pareto.share_of_clients_for_80pct).toBeLessThan(0.5);
    expect(dep.rows.reduce((a: number, r: any) => a + r.share, 0)).toBeCloseTo(1, 9);
    expect(dep.hhi).toBeCloseTo(dep.rows.reduce((a: number, r: any) => a + r.share ** 2, 0), 12);
    expect(dep.top1_share).toBe(dep.rows[0].share);
    expect(dep.top1_share).toBeGreaterThan(0.2); // the demo's big client: "widen the base"
    expect(dep.rows[0].band).toBe('widen');
    const abc = await cli(['report', 'abc', '--db', db, ...period]);
    expect(abc.counts.A).toBe(pareto.clients_for_80pct);
    const kam = await cli(['report', 'kam', '--db', db, ...period]);
    expect(kam.key_accounts[0].reasons[0]).toMatchObject({ kind: 'company' });
    const byManager = await cli(['report', 'dependency', '--db', db, '--manager', kam.managers[0].manager, ...period]);
    expect(byManager.scope).toMatchObject({ kind: 'manager', name: kam.managers[0].manager });
    expect(byManager.revenue).toBeLessThan(dep.revenue);
    await expect(async () => run(['report', 'dependency', '--db', db, '--manager', 'Nobody'])).rejects.toThrow('No manager "Nobody"');
    expect(() => run(['report', 'sideways', '--db', db])).toThrow('report needs one of');
  });

  it('writes the workbook: every sheet, numbers as numbers, bands coloured, charts as pictures', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    const file = join(dir, 'report.xlsx');
    await cli(['demo', '--db', db, '--clients', '80', '--purchases', '3000', '--seed', '9', '--as-of', AS_OF]);
    expect(await cli(['report', 'workbook', '--db', db, '--from', FROM, '--to', AS_OF, '--out', file])).toBe(`Wrote ${file}\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Pareto', 'ABC', 'Key accounts', 'Dependency', 'What-if', 'KAM workload']);
    const dep = wb.getWorksheet('Dependency')!;
    expect(dep.getCell('A2').value).toBe('Client');
    expect(typeof dep.getCell('D3').value).toBe('number');
    expect(dep.getCell('E3').numFmt).toBe('0.0%');
    expect(dep.getCell('F3').value).toBe('Widen the base'); // the screen's label, not the band's code
    expect((dep.getCell('F3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF9A825');
    expect(dep.autoFilter).toBeTruthy();
    expect(wb.getWorksheet('Pareto')!.getImages()).toHaveLength(1);
    expect(dep.getImages()).toHaveLength(1);
    const media = (wb as any).model.media as { extension: string; buffer: Buffer }[];
    expect(media.map((m) => m.extension)).toEqual(['png', 'png']);
    expect(media[0].buffer.subarray(1, 4).toString()).toBe('PNG');
    expect(media[0].buffer.length).toBeGreaterThan(10_000);
  });

  it('writes the workbook in the language --lang names, whatever Settings say; an unknown language is refused', async () => {
    const db = join(tempDir(), 'lang.db');
    await cli(['demo', '--db', db, '--clients', '60', '--purchases', '2000', '--seed', '3', '--as-of', AS_OF]);
    const file = join(tempDir(), 'hu.xlsx');
    await cli(['report', 'workbook', '--db', db, '--from', FROM, '--to', AS_OF, '--out', file, '--lang', 'hu']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain(translate('hu', 'analytics:engine.sheets.keyAccounts'));
    expect(names).toContain(translate('hu', 'analytics:engine.sheets.dependency'));
    expect(names).not.toContain('Key accounts');
    // The dependency sheet's header row is in Hungarian too: no cell of it is the English header.
    const dep = wb.getWorksheet(translate('hu', 'analytics:engine.sheets.dependency'))!;
    const texts: string[] = [];
    dep.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    expect(texts.some((x) => /[áéíóöőúüű]/i.test(x))).toBe(true);
    await expect(async () => run(['report', 'workbook', '--db', db, '--out', join(tempDir(), 'x.xlsx'), '--lang', 'de'], () => {})).rejects.toThrow(/--lang must be one of en, hu/);
  });
});

