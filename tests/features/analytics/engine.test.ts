import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { paretoChartOption, trendChartOption } from '../../../shared/features/analytics/charts';
import { DEFAULT_ANALYTICS_SETTINGS } from '../../../shared/features/analytics/settings';
import { cumulativeCurve, CURVE_POINTS } from '../../../electron/features/analytics/report';
import { shippedLanguage, translate, inEnglish } from '../../../electron/i18n';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { writeAnalyticsWorkbook } from '../../../electron/features/analytics/workbook';

const PERIOD = { from: '2025-07-01', to: '2026-06-30' };
const company = { kind: 'company' as const };

/**
 * One manager, twelve clients: C1 buys 400 (a key account by share), C2…C12
 * buy 60, 61, … 70 (each under 10% of the 1,115 total, so key only by a flag).
 */
async function base() {
  const db = emptyDatabase();
  const { call } = routerCalls(db);
  const m = (await call('managers.create', { name: 'Anna' })).id as number;
  const ids: number[] = [];
  for (let i = 1; i <= 12; i++) {
    const id = (await call('clients.create', { name: `C${String(i).padStart(2, '0')}`, managerId: m })).id as number;
    ids.push(id);
    await call('purchases.create', { clientId: id, date: '2026-03-01', amount: i === 1 ? 400 : 58 + i, quantity: 1 });
  }
  const flag = async (i: number, f: Record<string, boolean>) => {
    const { createdAt: _c, updatedAt: _u, archivedAt: _a, ...c } = await call('clients.get', { id: ids[i - 1] });
    await call('clients.update', { ...c, ...f });
  };
  return { db, call, ids, flag };
}

describe('key accounts by flag are ranked and capped per manager', () => {
  it('keeps the largest flagged clients up to the number set, after those key by share, and counts the rest', async () => {
    const { call, flag } = await base();
    await flag(3, { reputation: true });
    await flag(5, { innovator: true });
    await flag(9, { demanding: true });
    await flag(12, { keyPotential: true, reputation: true });
    const a = await call('analytics.accounts', { ...PERIOD, scope: company });
    // C01 by share; then the flagged by revenue: C12 (70), C09 (67); C05 and C03 are left out.
    expect(a.keyAccounts.map((k: any) => k.name)).toEqual(['C01', 'C12', 'C09']);
    expect(a.flaggedLeftOut).toBe(2);
    expect(a.kam).toMatchObject([{ manager: 'Anna', keyAccounts: 3, overLimit: false }]);

    await call('analytics.saveSettings', { ...DEFAULT_ANALYTICS_SETTINGS, keyPerManager: 10 });
    const all = await call('analytics.accounts', { ...PERIOD, scope: company });
    expect(all.keyAccounts.map((k: any) => k.name)).toEqual(['C01', 'C12', 'C09', 'C05', 'C03']);
    expect(all.flaggedLeftOut).toBe(0);
    expect(all.kam[0]).toMatchObject({ keyAccounts: 5, overLimit: true });
  });

  it('settings saved before the cap existed still load, with the default cap; a cap below 1 is refused', async () => {
    const { call, db } = await base();
    const { keyPerManager: _k, ...old } = DEFAULT_ANALYTICS_SETTINGS;
    db.sqlite.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('analytics', ?)`).run(JSON.stringify({ ...old, classA: 0.7 }));
    expect(await call('analytics.settings', {})).toMatchObject({ classA: 0.7, keyPerManager: 3 });
    const { fail } = routerCalls(db);
    const e = await fail('analytics.saveSettings', { ...DEFAULT_ANALYTICS_SETTINGS, keyPerManager: 0 });
    expect(e.issues?.[0]).toMatchObject({ path: ['keyPerManager'] });
  });
});

describe('the report data the screens draw', () => {
  it('marks a month the period covers only in part as partial', async () => {
    const { call } = await base();
    const whole = await call('analytics.report', { ...PERIOD, scope: company });
    expect(whole.trend.filter((m: any) => m.partial)).toEqual([]);
    const cut = await call('analytics.report', { from: '2025-07-16', to: '2026-06-15', scope: company });
    expect(cut.trend.filter((m: any) => m.partial).map((m: any) => m.month)).toEqual(['2025-07', '2026-06']);
    expect(cut.trend.length).toBe(12);
  });

  it('gives the cumulative curve over every client with the 80% point on it', async () => {
    const { call } = await base();
    const r = await call('analytics.report', { ...PERIOD, scope: company });
    const curve = r.pareto.curve;
    expect(curve[0]).toEqual({ clients: 0, clientShare: 0, revenueShare: 0 });
    expect(curve).toHaveLength(13);
    expect(curve[1]).toEqual({ clients: 1, clientShare: 1 / 12, revenueShare: 400 / 1115 });
    expect(curve.at(-1)).toMatchObject({ clients: 12, clientShare: 1, revenueShare: 1 });
    const at80 = curve.find((p: any) => p.clients === r.pareto.clientsFor80);
    expect(at80.revenueShare).toBeGreaterThanOrEqual(0.8);
    expect(curve[r.pareto.clientsFor80 - 1].revenueShare).toBeLessThan(0.8);
  });

  it('samples a large base to a few hundred points, keeping the first clients, the 80% point and the last', () => {
    const n = 50_000;
    const revenue = Array.from({ length: n }, (_, i) => 1 / (i + 1));
    const total = revenue.reduce((a, b) => a + b, 0);
    let cum = 0;
    const for80 = revenue.findIndex((v) => (cum += v) >= 0.8 * total) + 1;
    const curve = cumulativeCurve(revenue, total, for80);
    expect(curve.length).toBeLessThanOrEqual(CURVE_POINTS + 3);
    expect(curve.slice(0, 61).map((p) => p.clients)).toEqual(Array.from({ length: 61 }, (_, i) => i));
    expect(curve.some((p) => p.clients === for80)).toBe(true);
    expect(curve.at(-1)!.clients).toBe(n);
    expect(curve.at(-1)!.revenueShare).toBeCloseTo(1, 12);
    for (let i = 1; i < curve.length; i++) expect(curve[i].clients).toBeGreaterThan(curve[i - 1].clients);
  });
});

function svgOf(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 420 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('the pictures in the Excel report', () => {
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  const labels = { bars: 'Top', curve: 'Curve', revenue: 'Revenue', clientsAxis: 'Clients', revenueAxis: 'Revenue share', mark: '12% of clients bring 80% of revenue', percent, number: String };

  it('marks the 80% point with words inside the plot, never an "80%" beside the axis tick, and keeps every label in the picture', () => {
    const points = [{ id: 1, name: 'A very long client name that would run off the left edge Ltd.', revenue: 500, cumulativeShare: 0.5, clients: 1 }, { id: 2, name: 'B', revenue: 300, cumulativeShare: 0.8, clients: 1 }, { id: null, name: '', revenue: 200, cumulativeShare: 1, clients: 3 }];
    const curve = [{ clients: 0, clientShare: 0, revenueShare: 0 }, { clients: 1, clientShare: 0.2, revenueShare: 0.5 }, { clients: 2, clientShare: 0.4, revenueShare: 0.8 }, { clients: 5, clientShare: 1, revenueShare: 1 }];
    const option = paretoChartOption(points, curve, 2, labels) as any;
    expect(option.grid.every((g: any) => g.containLabel)).toBe(true);
    expect(option.xAxis[0].axisLabel).toMatchObject({ overflow: 'truncate' });
    // The tail has no bar: the curve stands for it.
    expect(option.xAxis[0].data).toHaveLength(2);
    const svg = svgOf(option);
    expect(svg).not.toContain('80%%');
    expect(svg).toContain('12% of clients bring 80% of revenue');
    // Only the two axis ticks say "80%"; the mark line carries no label of its own.
    expect(svg.match(/>80%</g)).toHaveLength(2);
  });

  it('names a partial month in the trend picture', () => {
    const p = { top1Share: 0.5, top3Share: 0.8, top5Share: 1, hhi: 0.3, effectiveClients: 3.3, clients: 5 };
    const option = trendChartOption([{ month: '2026-05', partial: false, ...p }, { month: '2026-06', partial: true, ...p }], { top1: 'Top 1', top3: 'Top 3', top5: 'Top 5', hhi: 'HHI', percent, month: (m, partial) => (partial ? `${m} (partial)` : m) }) as any;
    expect(option.xAxis.data).toEqual(['2026-05', '2026-06 (partial)']);
    expect(option.grid.containLabel).toBe(true);
  });
});

describe('the Excel report speaks the screen’s words', () => {
  it('writes band labels, reasons and headers as the screen does, HHI as a number, in the user’s language', async () => {
    const { db, call, ids, flag } = await base();
    await flag(12, { reputation: true });
    await call('settings.update', { language: 'hu', locale: 'hu-HU' });
    const file = join(tempDir(), 'r.xlsx');
    await writeAnalyticsWorkbook(db, { ...PERIOD, scope: company }, [ids[0]], file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    // The user's language once it ships (Settings), English key by key until then.
    const lang = shippedLanguage('hu');
    const tr = (key: string, params?: Record<string, string | number>) => translate(lang, `analytics:${key}`, params);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['summary', 'pareto', 'abc', 'keyAccounts', 'dependency', 'whatIf', 'kam'].map((s) => tr(`engine.sheets.${s}`)));
    const dep = wb.worksheets[4];
    expect(dep.getCell('A2').value).toBe(tr('engine.cols.client'));
    expect(dep.getCell('F2').value).toBe(tr('engine.cols.band'));
    // C01: 400 of 1,115 (36%) is "widen the base"; the screen's label, not the code.
    expect(dep.getCell('F3').value).toBe(tr('band.widen'));
    expect(dep.getCell('F3').value).not.toBe('widen');
    expect(dep.getCell('F4').value).toBe(tr('band.normal'));
    // The title's dates in the locale (hu-HU writes the year first).
    expect(String(dep.getCell('A1').value)).toContain(new Intl.DateTimeFormat('hu-HU', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2025-07-01T00:00:00Z')));
    const keys = wb.worksheets[3];
    const why = keys.getColumn(5).values.slice(3).map(String);
    expect(why).toContain(tr('reason.reputation'));
    expect(why[0]).toContain(new Intl.NumberFormat('hu-HU', { style: 'percent', maximumFractionDigits: 1 }).format(400 / 1115));

    const whatIf = wb.worksheets[5];
    const line = (label: string) => whatIf.getRows(3, whatIf.rowCount - 2)!.find((r) => r.getCell(1).value === label)!;
    const hhi = line(tr('engine.figures.hhi'));
    expect(hhi.getCell(2).numFmt).toBe('0.0000');
    expect(hhi.getCell(2).numFmt).not.toContain('%');
    expect(line(tr('engine.figures.top1')).getCell(3).numFmt).toBe('0.0%');
    const summary = wb.worksheets[0];
    const sHhi = summary.getRows(3, summary.rowCount - 2)!.find((r) => r.getCell(1).value === tr('engine.figures.hhi'))!;
    expect(sHhi.getCell(2).numFmt).toBe('0.0000');
    expect(inEnglish('analytics:band.widen')).toBe('Widen the base');
  });
});
