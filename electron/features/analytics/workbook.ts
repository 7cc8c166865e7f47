import { BAND_COLOURS, paretoChartOption, PICTURE_BARS, trendChartOption } from '../../../shared/features/analytics/charts';
import type { AnalyticsReport, ReportInput } from '../../../shared/features/analytics/types';
import type { JobProgress } from '../../../shared/jobs/types';
import { neutraliseFormula } from '../../../shared/kernel/format';
import type { Language } from '../../../shared/i18n';
import type { Db } from '../../db/connection';
import { writeWorkbook, type CellStyle, type WorkbookSheet } from '../export';
import { chartPng } from './chart-images';
import { accountsReport, analyticsReport } from './report';
import { whatIf } from './what-if';
import { sheetName, workbookLabels } from './workbook-labels';

const PCT = '0.0%';
const money = (currency: string) => `#,##0.00 "${currency}"`;
const text = (v: string | null | undefined) => neutraliseFormula(v ?? '');

type Col<R> = { header: string; width: number; numFmt?: string; value: (r: R, i: number) => unknown };

/** One sheet: title, bold header, typed cells; rows are mapped as they stream, never copied into a second list. */
function sheet<R>(name: string, title: string, cols: Col<R>[], rows: readonly R[], extra: Partial<WorkbookSheet> = {}): WorkbookSheet {
  return {
    name: sheetName(name), title, autoFilter: true,
    columns: cols.map(({ header, width, numFmt }) => ({ header, width, numFmt })),
    rows: (function* () {
      for (let i = 0; i < rows.length; i++) yield cols.map((c) => c.value(rows[i], i));
    })(),
    ...extra,
  };
}

const CHART = { width: 900, height: 420 };

/**
 * The key-account analysis as one workbook: numbers as numbers, bands
 * coloured, the charts as pictures. Streamed to `path` (see writeWorkbook),
 * so memory stays flat with 47,000 rows on each of three sheets; run it in a
 * worker (the `analytics.workbook` task), it takes seconds. Every word is
 * the screen's, in the user's language (workbook-labels.ts).
 */
export interface WorkbookHooks {
  onProgress?: (p: JobProgress) => void;
  isCancelled?: () => boolean;
  language?: Language;
  /** The report for `input`, when the caller keeps one (the host's last report): not computed twice. */
  report?: AnalyticsReport;
}

export async function writeAnalyticsWorkbook(db: Db, input: ReportInput, whatIfClientIds: number[], path: string, hooks: WorkbookHooks = {}): Promise<{ rows: number }> {
  hooks.onProgress?.({ phase: 'checking', done: 0, total: 0 });
  const r = hooks.report ?? analyticsReport(db, input);
  const people = accountsReport(db, input);
  const w = whatIfClientIds.length ? whatIf(db, { ...input, clientIds: whatIfClientIds }) : null;
  const L = workbookLabels(db, hooks.language);
  const { t } = L;
  const M = money(L.currency);
  const HHI = '0.0000';
  const scopeName = r.scope.name ?? t('company');
  const title = (what: string) => t('engine.titleOf', { what, scope: scopeName, from: L.date(r.period.from), to: L.date(r.period.to) });
  const chart = async (option: Parameters<typeof chartPng>[0], col: number) => ({ image: { png: await chartPng(option, CHART.width, CHART.height), col, row: 2, ...CHART } });
  const col = (key: string, params?: Record<string, number>) => t(`engine.cols.${key}`, params);
  const fig = (key: string) => t(`engine.figures.${key}`);

  const summaryFormats: Record<number, string> = { 0: M, 1: M, 3: PCT, 4: PCT, 5: PCT, 6: PCT, 7: HHI, 8: '0.0' };
  const summary = sheet(t('engine.sheets.summary'), title(t('engine.titles.summary')), [
    { header: col('figure'), width: 52, value: (x: [string, unknown]) => x[0] },
    { header: col('value'), width: 18, value: (x) => x[1] },
  ], [
    [fig('revenue'), r.revenue],
    [fig('previousRevenue'), r.previousRevenue],
    [fig('clients'), r.portfolio.clients],
    [fig('for80'), r.pareto.shareOfClientsFor80],
    [fig('top1'), r.portfolio.top1Share],
    [fig('top3'), r.portfolio.top3Share],
    [fig('top5'), r.portfolio.top5Share],
    [fig('hhi'), r.portfolio.hhi],
    [fig('effective'), r.portfolio.effectiveClients],
    [fig('monoclient'), L.yesNo(r.portfolio.monoclient)],
    [fig('flaggedLeftOut'), people.flaggedLeftOut],
  ], { cellStyle: (row, c) => (c === 1 && summaryFormats[row] ? { numFmt: summaryFormats[row] } : undefined) });

  const rows = r.rows;
  const bars = Math.min(PICTURE_BARS, rows.length);
  const paretoPicture = paretoChartOption(r.pareto.points, r.pareto.curve, r.pareto.clientsFor80, {
    bars: t('chart.topBars', { count: bars, n: L.integer(bars) }),
    curve: t('chart.curve'),
    revenue: t('revenue'),
    clientsAxis: t('chart.clientsAxis'),
    revenueAxis: t('chart.revenueAxis'),
    mark: r.pareto.shareOfClientsFor80 === null ? '' : t('chart.curveTip', { clients: L.pct(r.pareto.shareOfClientsFor80), revenue: L.pct(0.8) }),
    percent: L.pct,
    number: L.number,
  });
  const pareto = sheet(t('engine.sheets.pareto'), title(t('engine.titles.pareto')), [
    { header: col('rank'), width: 8, value: (_: (typeof rows)[number], i) => i + 1 },
    { header: col('client'), width: 36, value: (x) => text(x.name) },
    { header: col('revenue'), width: 16, numFmt: M, value: (x) => x.revenue },
    { header: col('share'), width: 10, numFmt: PCT, value: (x) => x.share },
    { header: col('cumulativeShare'), width: 16, numFmt: PCT, value: (x) => x.cumulativeShare },
  ], rows, await chart(paretoPicture, 6));

  const abc = sheet(t('engine.sheets.abc'), title(t('engine.titles.abc')), [
    { header: col('client'), width: 36, value: (x: (typeof rows)[number]) => text(x.name) },
    { header: col('cls'), width: 8, value: (x) => x.abc },
    { header: col('previousClass'), width: 14, value: (x) => x.previousAbc },
    { header: col('grew'), width: 18, value: (x) => (x.grew ? L.yesNo(true) : '') },
    { header: col('revenue'), width: 16, numFmt: M, value: (x) => x.revenue },
    { header: col('previousRevenue'), width: 16, numFmt: M, value: (x) => x.previousRevenue },
  ], rows);

  const keyAccounts = sheet(t('engine.sheets.keyAccounts'), title(t('engine.titles.keyAccounts')), [
    { header: col('client'), width: 36, value: (k: (typeof people.keyAccounts)[number]) => text(k.name) },
    { header: col('manager'), width: 24, value: (k) => text(k.manager) },
    { header: col('revenue'), width: 16, numFmt: M, value: (k) => k.revenue },
    { header: col('companyShare'), width: 14, numFmt: PCT, value: (k) => k.share },
    { header: col('whyKey'), width: 60, value: (k) => text(k.reasons.map(L.reason).join('; ')) },
  ], people.keyAccounts);

  const bandStyle = (band: (typeof rows)[number]['band']): CellStyle | undefined =>
    band === 'normal' ? undefined : { fill: `FF${BAND_COLOURS[band].slice(1).toUpperCase()}`, font: 'whiteBold' };
  const trendPicture = trendChartOption(r.trend, { top1: t('top1'), top3: t('top3'), top5: t('top5'), hhi: t('hhi'), percent: L.pct, month: L.month });
  const dependency = sheet(t('engine.sheets.dependency'), title(t('engine.titles.dependency')), [
    { header: col('client'), width: 36, value: (x: (typeof rows)[number]) => text(x.name) },
    { header: col('manager'), width: 24, value: (x) => text(x.manager) },
    { header: col('department'), width: 20, value: (x) => text(x.department) },
    { header: col('revenue'), width: 16, numFmt: M, value: (x) => x.revenue },
    { header: col('share'), width: 10, numFmt: PCT, value: (x) => x.share },
    { header: col('band'), width: 22, value: (x) => L.band(x.band) },
  ], rows, {
    cellStyle: (row, c) => (c === 5 ? bandStyle(rows[row].band) : undefined),
    ...(await chart(trendPicture, 7)),
  });

  type Line = [string, unknown, unknown, string];
  const whatIfLines: Line[] = w ? [
    [fig('revenue'), r.revenue, r.revenue - w.revenueLost, M],
    [fig('top1'), w.before.top1Share, w.after.top1Share, PCT],
    [fig('top3'), w.before.top3Share, w.after.top3Share, PCT],
    // An index between 0 and 1, not a share: written as the screen writes it.
    [fig('hhi'), w.before.hhi, w.after.hhi, HHI],
    [fig('effective'), w.before.effectiveClients, w.after.effectiveClients, '0.0'],
    [fig('extraCost'), 0, w.extraCost, M],
    [fig('priceRise'), 0, w.priceRiseNeeded, PCT],
    ...w.discounts.map((d): Line => [t('engine.figures.discount', { supplier: text(d.supplier), group: text(d.productGroup) }).trim(), d.discountBeforePct / 100, d.discountAfterPct / 100, PCT]),
  ] : [];
  const whatIfSheet = sheet(t('engine.sheets.whatIf'), w ? title(t('engine.titles.whatIf', { names: text(w.removed.map((x) => x.name).join(', ')) })) : t('engine.titles.noScenario'), [
    { header: col('figure'), width: 52, value: (x: Line) => x[0] },
    { header: col('before'), width: 16, value: (x) => x[1] },
    { header: col('after'), width: 16, value: (x) => x[2] },
  ], whatIfLines, { cellStyle: (row, c) => (c > 0 ? { numFmt: whatIfLines[row][3] } : undefined) });

  const kam = sheet(t('engine.sheets.kam'), title(t('engine.titles.kam')), [
    { header: col('manager'), width: 28, value: (k: (typeof people.kam)[number]) => (k.managerId === null ? t('tables.noManager') : text(k.manager)) },
    { header: col('keyAccounts'), width: 14, value: (k) => k.keyAccounts },
    { header: col('overLimit', { max: r.settings.kamMaxAccounts }), width: 22, value: (k) => (k.overLimit ? L.yesNo(true) : '') },
    { header: col('keyRevenueShare'), width: 26, numFmt: PCT, value: (k) => k.keyRevenueShare },
    { header: col('clients'), width: 60, value: (k) => text(k.clients.join(', ')) },
  ], people.kam);

  const total = 11 + 3 * rows.length + people.keyAccounts.length + whatIfLines.length + people.kam.length;
  return writeWorkbook(path, [summary, pareto, abc, keyAccounts, dependency, whatIfSheet, kam], { total, ...hooks });
}
