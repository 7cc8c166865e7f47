import ExcelJS from 'exceljs';
import { paretoChartOption, trendChartOption, BAND_COLOURS } from '../../../shared/features/analytics/charts';
import type { ReportInput } from '../../../shared/features/analytics/types';
import { neutraliseFormula } from '../../../shared/kernel/format';
import type { Db } from '../../db/connection';
import { getSettings } from '../settings';
import { chartPng } from './chart-images';
import { accountsReport, analyticsReport } from './report';
import { whatIf } from './what-if';

const PCT = '0.0%';
const money = (currency: string) => `#,##0.00 "${currency}"`;
const text = (v: string | null | undefined) => neutraliseFormula(v ?? '');

type Col = { header: string; key: string; width: number; numFmt?: string };

function sheet(wb: ExcelJS.Workbook, name: string, title: string, cols: Col[], rows: Record<string, unknown>[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getRow(1).getCell(1).value = title;
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.getRow(2).values = cols.map((c) => c.header);
  ws.getRow(2).font = { bold: true };
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  for (const r of rows) ws.addRow(cols.map((c) => r[c.key] ?? null));
  if (rows.length) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: cols.length } };
  return ws;
}

/** One workbook of the key-account analysis: numbers as numbers, bands coloured, the charts as pictures. */
export async function analyticsWorkbook(db: Db, input: ReportInput, whatIfClientIds: number[]): Promise<Uint8Array> {
  const r = analyticsReport(db, input);
  const people = accountsReport(db, input);
  const { currency } = getSettings(db);
  const M = money(currency);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rapport';
  const title = (what: string) => `${what} — ${r.scope.name}, ${r.period.from} to ${r.period.to}`;

  const summary = sheet(wb, 'Summary', title('Key accounts and dependency'), [
    { header: 'Figure', key: 'k', width: 42 },
    { header: 'Value', key: 'v', width: 18 },
  ], [
    { k: 'Revenue (net of credit notes)', v: r.revenue },
    { k: 'Revenue, previous period', v: r.previousRevenue },
    { k: 'Clients with purchases', v: r.portfolio.clients },
    { k: 'Share of clients making 80% of revenue', v: r.pareto.shareOfClientsFor80 },
    { k: 'Top client share', v: r.portfolio.top1Share },
    { k: 'Top 3 share', v: r.portfolio.top3Share },
    { k: 'Top 5 share', v: r.portfolio.top5Share },
    { k: 'Herfindahl–Hirschman index', v: r.portfolio.hhi },
    { k: 'Effective number of clients (1/HHI)', v: r.portfolio.effectiveClients },
    { k: 'Monoclient (one client ≥ 75%)', v: r.portfolio.monoclient ? 'Yes' : 'No' },
  ]);
  summary.getCell('B3').numFmt = M;
  summary.getCell('B4').numFmt = M;
  for (const a of ['B6', 'B7', 'B8', 'B9']) summary.getCell(a).numFmt = PCT;
  summary.getCell('B10').numFmt = '0.0000';
  summary.getCell('B11').numFmt = '0.0';

  const pareto = sheet(wb, 'Pareto', title('Pareto'), [
    { header: 'Rank', key: 'rank', width: 8 }, { header: 'Client', key: 'name', width: 36 },
    { header: 'Revenue', key: 'revenue', width: 16, numFmt: M }, { header: 'Share', key: 'share', width: 10, numFmt: PCT },
    { header: 'Cumulative share', key: 'cumulativeShare', width: 16, numFmt: PCT },
  ], r.rows.map((x, i) => ({ ...x, rank: i + 1, name: text(x.name) })));
  const chart = (ws: ExcelJS.Worksheet, png: Buffer, col: number) =>
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), { tl: { col, row: 2 }, ext: { width: 900, height: 420 } });
  chart(pareto, chartPng(paretoChartOption(r.pareto.points, { revenue: 'Revenue', cumulative: 'Cumulative share', mark: '80%' })), 6);

  sheet(wb, 'ABC', title('ABC classes'), [
    { header: 'Client', key: 'name', width: 36 }, { header: 'Class', key: 'abc', width: 8 },
    { header: 'Previous class', key: 'previousAbc', width: 14 }, { header: 'Promoted for growth', key: 'grew', width: 18 },
    { header: 'Revenue', key: 'revenue', width: 16, numFmt: M }, { header: 'Previous revenue', key: 'previousRevenue', width: 16, numFmt: M },
  ], r.rows.map((x) => ({ ...x, name: text(x.name), grew: x.grew ? 'Yes' : '' })));

  sheet(wb, 'Key accounts', title('Key accounts'), [
    { header: 'Client', key: 'name', width: 36 }, { header: 'Manager', key: 'manager', width: 24 },
    { header: 'Revenue', key: 'revenue', width: 16, numFmt: M }, { header: 'Company share', key: 'share', width: 14, numFmt: PCT },
    { header: 'Why key', key: 'why', width: 60 },
  ], people.keyAccounts.map((k) => ({
    ...k, name: text(k.name), manager: text(k.manager),
    why: k.reasons.map((x) => (x.share !== undefined ? `${(x.share * 100).toFixed(1)}% of ${x.kind === 'company' ? 'company' : `${x.kind} ${x.of}`}` : x.kind)).join('; '),
  })));

  const dep = sheet(wb, 'Dependency', title('Dependency risk'), [
    { header: 'Client', key: 'name', width: 36 }, { header: 'Manager', key: 'manager', width: 24 }, { header: 'Department', key: 'department', width: 20 },
    { header: 'Revenue', key: 'revenue', width: 16, numFmt: M }, { header: 'Share', key: 'share', width: 10, numFmt: PCT }, { header: 'Risk band', key: 'band', width: 12 },
  ], r.rows.map((x) => ({ ...x, name: text(x.name), manager: text(x.manager), department: text(x.department) })));
  r.rows.forEach((x, i) => {
    if (x.band === 'normal') return;
    dep.getCell(i + 3, 6).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${BAND_COLOURS[x.band].slice(1).toUpperCase()}` } };
    dep.getCell(i + 3, 6).font = { color: { argb: 'FFFFFFFF' }, bold: true };
  });
  chart(dep, chartPng(trendChartOption(r.trend, { top1: 'Top 1', top3: 'Top 3', top5: 'Top 5', hhi: 'HHI' })), 7);

  const w = whatIfClientIds.length ? whatIf(db, { ...input, clientIds: whatIfClientIds }) : null;
  sheet(wb, 'What-if', w ? title(`What if ${w.removed.map((x) => x.name).join(', ')} leave`) : 'No scenario was run', [
    { header: 'Figure', key: 'k', width: 46 }, { header: 'Before', key: 'before', width: 16 }, { header: 'After', key: 'after', width: 16 },
  ], w ? [
    { k: 'Revenue', before: r.revenue, after: r.revenue - w.revenueLost },
    { k: 'Top client share', before: w.before.top1Share, after: w.after.top1Share },
    { k: 'Top 3 share', before: w.before.top3Share, after: w.after.top3Share },
    { k: 'Herfindahl–Hirschman index', before: w.before.hhi, after: w.after.hhi },
    { k: 'Extra purchase cost from lost supplier discounts', before: 0, after: w.extraCost },
    { k: 'Price rise needed on remaining clients', before: 0, after: w.priceRiseNeeded },
    ...w.discounts.map((d) => ({ k: `Discount ${text(d.supplier)} ${text(d.productGroup)}`.trim(), before: d.discountBeforePct / 100, after: d.discountAfterPct / 100 })),
  ] : []);
  if (w) {
    const ws = wb.getWorksheet('What-if')!;
    ws.getRow(3).numFmt = M;
    for (const row of [4, 5, 6, 8]) ws.getRow(row).numFmt = PCT;
    ws.getRow(7).numFmt = M;
    for (let i = 0; i < w.discounts.length; i++) ws.getRow(9 + i).numFmt = PCT;
  }

  sheet(wb, 'KAM workload', title('Key accounts per manager'), [
    { header: 'Manager', key: 'manager', width: 28 }, { header: 'Key accounts', key: 'keyAccounts', width: 14 },
    { header: `Over the limit (${r.settings.kamMaxAccounts})`, key: 'over', width: 18 }, { header: 'Share of company revenue', key: 'keyRevenueShare', width: 22, numFmt: PCT },
    { header: 'Clients', key: 'clients', width: 60 },
  ], people.kam.map((k) => ({ ...k, manager: text(k.manager), over: k.overLimit ? 'Yes' : '', clients: text(k.clients.join(', ')) })));

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
