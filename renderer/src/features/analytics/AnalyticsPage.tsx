import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { unpackReport } from '../../../../shared/features/analytics/packing';
import type { AnalyticsReport, Scope } from '../../../../shared/features/analytics/types';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../export';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { href, navigate } from '../../lib/navigation';
import { clientPath } from '../accounts';
import { AccountsPanels } from './AccountsPanels';
import { dependencyColumns } from './dependencyColumns';
import { EmptyBase } from './EmptyBase';
import { ParetoCharts } from './ParetoCharts';
import { PeriodInputs } from './PeriodInputs';
import { PortfolioCards } from './PortfolioCards';
import { ThresholdsForm } from './ThresholdsForm';
import { TrendChart } from './TrendChart';
import { useAnalyticsInput } from './useAnalytics';
import { WorkbookButton } from './WorkbookButton';
import { WhatIfPanel } from './WhatIfPanel';
import { useT } from '../../lib/i18n';
import './analytics.css';

const scopeValue = (s: Scope) => (s.kind === 'company' ? 'company' : `${s.kind}:${s.id}`);
function parseScope(v: string): Scope {
  const [kind, id] = v.split(':');
  return kind === 'department' || kind === 'manager' ? { kind, id: Number(id) } : { kind: 'company' };
}

export function AnalyticsPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const { period, setPeriod, scope, setScope, input } = useAnalyticsInput();
  const report = useQuery('analytics.reportColumns', input);
  const departments = useQuery('departments.list', {});
  const managers = useQuery('managers.list', {});
  const [removed, setRemoved] = useState<number[]>([]);
  const whatIf = useRef<HTMLDivElement>(null);
  const dependencyApi = useRef<GridApi<AnalyticsReport['rows'][number]> | null>(null);
  // The rows arrive as columns (a tenth of the cloning); the grid and the panels want objects.
  const r = useMemo(() => (report.data ? unpackReport(report.data) : undefined), [report.data]);
  const columns = useMemo(() => dependencyColumns(t, fmt), [t, fmt]);
  const askWhatIf = (id: number) => {
    if (!removed.includes(id)) setRemoved([...removed, id]);
    whatIf.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <section className="page analytics-page">
      <header className="page-header">
        <h1>{t('analytics:title')}</h1>
        <div className="toolbar">
          <PeriodInputs period={period} onChange={(p) => { setPeriod(p); setRemoved([]); }} />
          <select aria-label={t('analytics:scope')} value={scopeValue(scope)} onChange={(e) => { setScope(parseScope(e.target.value)); setRemoved([]); }}>
            <option value="company">{t('analytics:company')}</option>
            {departments.data?.map((d) => <option key={`d${d.id}`} value={`department:${d.id}`}>{t('analytics:department', { name: d.name })}</option>)}
            {managers.data?.map((m) => <option key={`m${m.id}`} value={`manager:${m.id}`}>{t('analytics:manager', { name: m.name })}</option>)}
          </select>
          {r && r.portfolio.clients > 0 && <WorkbookButton input={input} whatIfClientIds={removed} />}
        </div>
      </header>
      {report.error && <div className="form-error" role="alert">{t('common:app.error', { message: report.error.message })}</div>}
      {r && r.portfolio.clients === 0 && <EmptyBase period={r.period} />}
      {r && r.portfolio.clients > 0 && (
        <>
          <p className="headline" data-testid="pareto-headline">
            {r.pareto.shareOfClientsFor80 === null
              ? t('analytics:noRevenue')
              : t('analytics:headline', { pct: fmt.percent(r.pareto.shareOfClientsFor80), n: fmt.number(r.pareto.clientsFor80, 0), total: fmt.number(r.portfolio.clients, 0), count: r.portfolio.clients })}
          </p>
          {r.portfolio.monoclient && <div className="warning" role="alert">{t('analytics:monoclient', { pct: fmt.percent(r.portfolio.top1Share) })}</div>}
          <PortfolioCards r={r} onWhatIf={askWhatIf} />
          <details className="thresholds-panel" data-testid="thresholds">
            <summary>{t('analytics:thresholds.title')}</summary>
            <ThresholdsForm />
          </details>
          <h2>{t('analytics:pareto')}</h2>
          <ParetoCharts r={r} />
          <p className="muted">{t('analytics:abcRule', { a: fmt.percent(r.settings.classA), b: fmt.percent(r.settings.classB) })}</p>
          <h2>{t('analytics:dependency')}</h2>
          <p className="muted">{t('analytics:bandsRule', { key: fmt.percent(r.settings.bands[0]) })}</p>
          <ExportButton api={() => dependencyApi.current} title={t('analytics:dependency')} fileName={`dependency-${r.period.to}.xlsx`} />
          <DataGrid rows={r.rows} columns={columns} height={360} layoutKey="analytics.dependency" linkField="name" onOpen={(row) => navigate(clientPath(row.id))} onApi={(a) => (dependencyApi.current = a)} testId="dependency-grid" />
          <h2>{t('analytics:trend')}</h2>
          <TrendChart r={r} />
          <div ref={whatIf}>
            <WhatIfPanel input={input} rows={r.rows} removed={removed} setRemoved={setRemoved} />
          </div>
          <h2>{t('analytics:moves')}</h2>
          <ul className="moves" data-testid="abc-moves">
            {r.abc.moves.slice(0, 20).map((m) => <li key={m.id}><a href={href(clientPath(m.id))}>{m.name}</a>: {m.from ?? '—'} → {m.to ?? '—'}</li>)}
          </ul>
          <AccountsPanels input={input} />
          <p className="muted">{t('analytics:computed', { ms: fmt.number(Math.round(r.computeMs), 0) })}</p>
        </>
      )}
    </section>
  );
}
