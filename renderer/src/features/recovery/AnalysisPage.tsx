import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import { periodsChartOption, reasonsChartOption } from '../../../../shared/features/recovery/charts';
import { quarterEnd } from '../../../../shared/features/recovery/quarters';
import { addMonths, addDays, toIsoDate } from '../../../../shared/kernel/dates';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { ExportButton } from '../export';
import { ActionsPanel } from './ActionsPanel';
import { reasonColumns, reasonRows, type ReasonRow } from './reasonColumns';
import { RecoveryChart } from './RecoveryChart';
import { RecoveryTabs } from './RecoveryTabs';

const PERIODS = ['all', 'last12', 'last24', 'thisYear', 'lastYear'] as const;
type PeriodKey = (typeof PERIODS)[number];

function periodOf(key: PeriodKey, today: string): { from?: string; to?: string } {
  const year = Number(today.slice(0, 4));
  switch (key) {
    case 'last12': return { from: addDays(addMonths(today, -12), 1), to: today };
    case 'last24': return { from: addDays(addMonths(today, -24), 1), to: today };
    case 'thisYear': return { from: `${year}-01-01`, to: today };
    case 'lastYear': return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    default: return {};
  }
}

/** Losses and lost revenue by reason, quarter, manager and class; win-back by offer; and the corrective actions. */
export function AnalysisPage() {
  const { t } = useT();
  const { fmt, settings } = useSettings();
  const [period, setPeriod] = useState<PeriodKey>('all');
  const input = useMemo(() => periodOf(period, toIsoDate(new Date())), [period]);
  const report = useQuery('recovery.report', input);
  const reasons = useQuery('recovery.reasons', { includeArchived: true });
  const recoverySettings = useQuery('recovery.settings', {});
  const [start, setStart] = useState<number | null>(null);
  const started = useCallback(() => setStart(null), []);
  const api = useRef<GridApi<ReasonRow> | null>(null);
  const r = report.data;
  const rows = useMemo(() => (r ? reasonRows(t, reasons.data, r.byReason) : []), [r, reasons.data, t]);
  const columns = useMemo(() => reasonColumns(t, fmt), [t, fmt]);
  const month = useMemo(() => new Intl.DateTimeFormat(settings.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }), [settings.locale]);
  const quarterLabel = useCallback((first: string) => t('recovery:analysis.quarter', { from: month.format(new Date(`${first}-01T00:00:00Z`)), to: month.format(new Date(`${quarterEnd(first)}-01T00:00:00Z`)) }), [t, month]);
  const reasonsOption = useMemo(() => r && reasonsChartOption(
    rows.map((x) => ({ label: x.reason, losses: x.losses, lostRevenue: x.lostRevenue, recurringAfterAction: x.lossesAfterDone > 0 })),
    { lostRevenue: t('recovery:analysis.lostRevenue'), losses: t('recovery:analysis.losses') },
  ), [r, rows, t]);
  const periodsOption = useMemo(() => r && periodsChartOption(
    r.byPeriod.map((p) => quarterLabel(p.key)),
    rows.map((x) => ({ label: x.reason, values: r.byPeriod.map((p) => p.byReason[String(x.reasonId ?? 'none')] ?? 0) })),
  ), [r, rows, quarterLabel]);
  const needAction = rows.filter((x) => x.recurring && x.reasonId !== null && x.openActions === 0 && x.doneActions === 0);
  const cameBack = rows.filter((x) => x.lossesAfterDone > 0);
  return (
    <section className="page analytics-page">
      <header className="page-header">
        <h1>{t('recovery:analysis.title')}</h1>
        <label className="toolbar">{t('recovery:analysis.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as PeriodKey)} aria-label={t('recovery:analysis.period')}>
            {PERIODS.map((p) => <option key={p} value={p}>{t(`recovery:analysis.periods.${p}`)}</option>)}
          </select>
        </label>
      </header>
      <RecoveryTabs active="analysis" />
      {report.error && <p className="form-error" role="alert">{report.error.message}</p>}
      {r && (
        <>
          <div className="cards" data-testid="loss-figures">
            <div className="card"><span>{t('recovery:analysis.losses')}</span><strong>{fmt.number(r.losses, 0)}</strong></div>
            <div className="card"><span>{t('recovery:analysis.lostRevenue')}</span><strong>{fmt.money(r.lostRevenue)}</strong></div>
            <div className="card"><span>{t('recovery:analysis.closed')}</span><strong>{fmt.number(r.closed, 0)}</strong></div>
            <div className="card"><span>{t('recovery:analysis.wonBack')}</span><strong>{fmt.number(r.wonBack, 0)}</strong></div>
            <div className="card"><span>{t('recovery:analysis.winBackRate')}</span><strong>{r.winBackRate === null ? '—' : fmt.percent(r.winBackRate)}</strong></div>
          </div>
          {r.losses === 0 && <p className="muted">{t('recovery:analysis.empty')}</p>}
          {recoverySettings.data && <p className="muted">{t('recovery:analysis.recurringRule', { count: recoverySettings.data.recurringMin })}</p>}
          {cameBack.map((x) => <p key={x.id} className="warning" data-testid="came-back">{t('recovery:analysis.cameBack', { reason: x.reason, count: x.lossesAfterDone, date: fmt.date(x.lastDoneOn) })}</p>)}
          {needAction.map((x) => (
            <p key={x.id} className="warning" data-testid="needs-action">
              {t('recovery:analysis.needsAction', { reason: x.reason })} <button type="button" onClick={() => setStart(x.reasonId)}>{t('recovery:analysis.openAction')}</button>
            </p>
          ))}
          <h2>{t('recovery:analysis.byReason')}</h2>
          {reasonsOption && rows.length > 0 && <RecoveryChart option={reasonsOption} height={320} testId="reasons-chart" />}
          <div className="toolbar">
            {rows.length > 0 && <ExportButton api={() => api.current} title={t('recovery:analysis.exportTitle')} fileName={`lost-reasons-${toIsoDate(new Date())}.xlsx`} />}
          </div>
          <DataGrid rows={rows} columns={columns} layoutKey="recovery.reasons" height={Math.min(420, 60 + rows.length * 42)} onApi={(a) => (api.current = a)} testId="reasons-grid" />
          <h2>{t('recovery:analysis.byPeriod')}</h2>
          {periodsOption && r.byPeriod.length > 0 && <RecoveryChart option={periodsOption} height={280} testId="periods-chart" />}
          <div className="cards">
            <div>
              <h3>{t('recovery:analysis.byManager')}</h3>
              <table className="table" data-testid="by-manager"><thead><tr><th></th><th>{t('recovery:analysis.col.losses')}</th><th>{t('recovery:analysis.col.lostRevenue')}</th><th>{t('recovery:analysis.col.wonBack')}</th></tr></thead><tbody>
                {r.byManager.map((m) => <tr key={m.key}><td>{m.manager ?? t('recovery:analysis.noManager')}</td><td className="num">{m.losses}</td><td className="num">{fmt.money(m.lostRevenue)}</td><td className="num">{m.wonBack}</td></tr>)}
              </tbody></table>
            </div>
            <div>
              <h3>{t('recovery:analysis.byClass')}</h3>
              <table className="table" data-testid="by-class"><thead><tr><th></th><th>{t('recovery:analysis.col.losses')}</th><th>{t('recovery:analysis.col.lostRevenue')}</th><th>{t('recovery:analysis.col.wonBack')}</th></tr></thead><tbody>
                {r.byClass.map((m) => <tr key={m.key}><td>{m.key === '-' ? t('recovery:analysis.noClass') : m.key}</td><td className="num">{m.losses}</td><td className="num">{fmt.money(m.lostRevenue)}</td><td className="num">{m.wonBack}</td></tr>)}
              </tbody></table>
            </div>
            <div>
              <h3>{t('recovery:analysis.byOffer')}</h3>
              <table className="table" data-testid="by-offer">
                <thead><tr><th>{t('recovery:analysis.col.offer')}</th><th>{t('recovery:analysis.col.offers')}</th><th>{t('recovery:analysis.col.accepted')}</th><th>{t('recovery:analysis.col.cases')}</th><th>{t('recovery:analysis.col.winBackRate')}</th></tr></thead>
                <tbody>{r.byOffer.map((o) => <tr key={o.kind}><td>{t(`recovery:offerKind.${o.kind}`)}</td><td className="num">{o.offers}</td><td className="num">{o.accepted}</td><td className="num">{o.cases}</td><td className="num">{o.winBackRate === null ? '—' : fmt.percent(o.winBackRate)}</td></tr>)}</tbody>
              </table>
            </div>
          </div>
        </>
      )}
      {reasons.data && <ActionsPanel reasons={reasons.data} start={start} onStarted={started} />}
    </section>
  );
}
