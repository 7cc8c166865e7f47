import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { paretoChartOption, trendChartOption } from '../../../../shared/features/analytics/charts';
import type { AnalyticsReport, Scope } from '../../../../shared/features/analytics/types';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../export';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { navigate } from '../../lib/navigation';
import { clientPath } from '../accounts';
import { AccountsPanels } from './AccountsPanels';
import { dependencyColumns } from './dependencyColumns';
import { EChart } from './EChart';
import { downloadWorkbook, useAnalyticsInput } from './useAnalytics';
import { WhatIfPanel } from './WhatIfPanel';
import { useT } from '../../lib/i18n';

const scopeValue = (s: Scope) => (s.kind === 'company' ? 'company' : `${s.kind}:${s.id}`);
function parseScope(v: string): Scope {
  const [kind, id] = v.split(':');
  return kind === 'department' || kind === 'manager' ? { kind, id: Number(id) } : { kind: 'company' };
}

export function AnalyticsPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const { period, setPeriod, scope, setScope, input } = useAnalyticsInput();
  const report = useQuery('analytics.report', input);
  const departments = useQuery('departments.list', {});
  const managers = useQuery('managers.list', {});
  const [removed, setRemoved] = useState<number[]>([]);
  const dependencyApi = useRef<GridApi<AnalyticsReport['rows'][number]> | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const r = report.data;
  const columns = useMemo(() => dependencyColumns(t, fmt), [t, fmt]);
  const paretoOption = useMemo(() => r && paretoChartOption(r.pareto.points, { revenue: t('analytics:revenue'), cumulative: t('analytics:cumulative'), mark: t('analytics:mark') }), [r, t]);
  const trendOption = useMemo(() => r && trendChartOption(r.trend, { top1: t('analytics:top1'), top3: t('analytics:top3'), top5: t('analytics:top5'), hhi: t('analytics:hhi') }), [r, t]);

  const exportWorkbook = async () => {
    setExporting('…');
    try {
      await downloadWorkbook(input, removed);
      setExporting(null);
    } catch (e) {
      setExporting((e as Error).message);
    }
  };

  return (
    <section className="page analytics-page">
      <header className="page-header">
        <h1>{t('analytics:title')}</h1>
        <div className="toolbar">
          <label>{t('analytics:from')} <input type="date" value={period.from} max={period.to} onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })} aria-label={t('analytics:from')} /></label>
          <label>{t('analytics:to')} <input type="date" value={period.to} min={period.from} onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })} aria-label={t('analytics:to')} /></label>
          <select aria-label={t('analytics:scope')} value={scopeValue(scope)} onChange={(e) => { setScope(parseScope(e.target.value)); setRemoved([]); }}>
            <option value="company">{t('analytics:company')}</option>
            {departments.data?.map((d) => <option key={`d${d.id}`} value={`department:${d.id}`}>{t('analytics:department', { name: d.name })}</option>)}
            {managers.data?.map((m) => <option key={`m${m.id}`} value={`manager:${m.id}`}>{t('analytics:manager', { name: m.name })}</option>)}
          </select>
          <button type="button" onClick={exportWorkbook} disabled={exporting === '…'}>{t('analytics:workbook')}</button>
        </div>
      </header>
      {exporting && exporting !== '…' && <div className="form-error" role="alert">{exporting}</div>}
      {report.error && <div className="form-error" role="alert">{t('common:app.error', { message: report.error.message })}</div>}
      {r && (
        <>
          <p className="headline" data-testid="pareto-headline">
            {r.pareto.shareOfClientsFor80 === null ? t('analytics:noRevenue') : t('analytics:headline', { pct: fmt.percent(r.pareto.shareOfClientsFor80), n: r.pareto.clientsFor80, count: r.portfolio.clients })}
          </p>
          {r.portfolio.monoclient && <div className="warning" role="alert">{t('analytics:monoclient', { pct: fmt.percent(r.portfolio.top1Share) })}</div>}
          <div className="cards" data-testid="portfolio">
            <div className="card"><span>{t('analytics:revenue')}</span><strong>{fmt.money(r.revenue)}</strong><small>{t('analytics:previous', { value: fmt.money(r.previousRevenue) })}</small></div>
            <div className="card"><span>{t('analytics:top1')}</span><strong data-testid="top1">{fmt.percent(r.portfolio.top1Share)}</strong></div>
            <div className="card"><span>{t('analytics:top3')} / {t('analytics:top5')}</span><strong>{fmt.percent(r.portfolio.top3Share)} / {fmt.percent(r.portfolio.top5Share)}</strong></div>
            <div className="card"><span>{t('analytics:hhi')}</span><strong data-testid="hhi">{r.portfolio.hhi.toFixed(3)}</strong><small>{t('analytics:effective', { count: r.portfolio.effectiveClients, value: fmt.number(r.portfolio.effectiveClients, 1) })}</small></div>
            <div className="card"><span>{t('analytics:abc')}</span><strong data-testid="abc-counts">A {r.abc.counts.A} · B {r.abc.counts.B} · C {r.abc.counts.C}</strong><small>{t('analytics:previous', { value: `A ${r.abc.previousCounts.A} · B ${r.abc.previousCounts.B} · C ${r.abc.previousCounts.C}` })}</small></div>
          </div>
          <h2>{t('analytics:pareto')}</h2>
          {paretoOption && <EChart option={paretoOption} testId="pareto-chart" onItemClick={(d) => { const id = (d as { clientId?: number | null })?.clientId; if (id) navigate(clientPath(id)); }} />}
          <p className="muted">{t('analytics:abcRule', { a: fmt.percent(r.settings.classA), b: fmt.percent(r.settings.classB) })}</p>
          <h2>{t('analytics:dependency')}</h2>
          <p className="muted">{t('analytics:bandsRule', { key: fmt.percent(r.settings.bands[0]) })}</p>
          <ExportButton api={() => dependencyApi.current} title={t('analytics:dependency')} fileName={`dependency-${r.period.to}.xlsx`} />
          <DataGrid rows={r.rows} columns={columns} height={360} layoutKey="analytics.dependency" linkField="name" onOpen={(row) => navigate(clientPath(row.id))} onApi={(a) => (dependencyApi.current = a)} testId="dependency-grid" />
          <h2>{t('analytics:trend')}</h2>
          {trendOption && <EChart option={trendOption} height={280} testId="trend-chart" />}
          <WhatIfPanel input={input} rows={r.rows} removed={removed} setRemoved={setRemoved} />
          <h2>{t('analytics:moves')}</h2>
          <ul className="moves" data-testid="abc-moves">
            {r.abc.moves.slice(0, 20).map((m) => <li key={m.id}><a href={`#/clients/${m.id}`}>{m.name}</a>: {m.from ?? '—'} → {m.to ?? '—'}</li>)}
          </ul>
          <AccountsPanels input={input} />
          <p className="muted">{t('analytics:computed', { ms: Math.round(r.computeMs) })}</p>
        </>
      )}
    </section>
  );
}
