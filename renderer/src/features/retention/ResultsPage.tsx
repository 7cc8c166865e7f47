import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import type { Arm } from '../../../../shared/features/retention/enums';
import type { CampaignResultRow } from '../../../../shared/features/retention/types';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../lib/i18n';
import { href, navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { ExportButton } from '../export';
import { RETENTION_PATHS } from './paths';

/** A campaign's results, against its control group when it kept one; the rows export to Excel (the offer list too). */
export function ResultsPage({ id }: { id: number }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const q = useQuery('retention.campaignResults', { id });
  const [show, setShow] = useState<Arm | 'all'>('all');
  const api = useRef<GridApi<CampaignResultRow> | null>(null);
  const columns = useMemo(() => [
    { field: 'name' as const, headerName: t('retention:results.columns.name'), minWidth: 220, cellClass: 'cell-link' },
    { field: 'code' as const, headerName: t('retention:results.columns.code') },
    { field: 'arm' as const, headerName: t('retention:results.columns.arm'), valueFormatter: (p: { value: Arm }) => t(`retention:arms.${p.value}`) },
    { field: 'calledOn' as const, headerName: t('retention:results.columns.calledOn'), valueFormatter: (p: { value: string | null }) => fmt.date(p.value) },
    { field: 'outcome' as const, headerName: t('retention:results.columns.outcome'), valueFormatter: (p: { value: CampaignResultRow['outcome'] }) => (p.value ? t(`retention:outcomes.${p.value}`) : '') },
    { field: 'boughtOn' as const, headerName: t('retention:results.columns.boughtOn'), valueFormatter: (p: { value: string | null }) => fmt.date(p.value) },
    { field: 'revenue' as const, headerName: t('retention:results.columns.revenue'), type: 'numericColumn', valueFormatter: (p: { value: number }) => fmt.money(p.value) },
  ], [t, fmt]);
  const r = q.data;
  if (q.error) return <section className="page"><p className="form-error" role="alert">{q.error.message}</p></section>;
  if (!r) return <section className="page"><p className="muted">{t('common:app.loading')}</p></section>;
  const h = r.holdout;
  const points = (v: number) => fmt.number(v * 100, 1);
  const signed = (v: number) => `${v > 0 ? '+' : ''}${points(v)}`;
  const rows = show === 'all' ? r.rows : r.rows.filter((x) => x.arm === show);
  return (
    <section className="page results-page" data-testid="results-page">
      <header className="page-header">
        <div>
          <a href={href(RETENTION_PATHS.winback)} className="back">← {t('retention:winback.title')}</a>
          <h1>{t('retention:results.title', { name: r.campaign.name })}</h1>
          <p className="muted">{t('retention:results.window', { days: r.campaign.reactivationDays, date: fmt.date(r.windowEnds) })}</p>
        </div>
      </header>
      <div className="cards" data-testid="results-cards">
        <div className="card"><span>{t('retention:results.called')}</span><strong data-testid="called">{r.called}</strong></div>
        <div className="card"><span>{t('retention:results.reached')}</span><strong data-testid="reached">{r.reached}</strong></div>
        <div className="card"><span>{t('retention:results.reactivated')}</span><strong data-testid="reactivated">{r.reactivated}</strong>{r.reactivationRate !== null && <small>{t('retention:results.rate', { value: fmt.percent(r.reactivationRate) })}</small>}</div>
        <div className="card"><span>{t('retention:results.revenue')}</span><strong>{fmt.money(r.reactivatedRevenue)}</strong></div>
      </div>
      <h2>{t('retention:results.outcomes')}</h2>
      <p data-testid="outcomes">{Object.entries(r.outcomes).map(([o, n]) => `${t(`retention:outcomes.${o as keyof typeof r.outcomes}`)}: ${n}`).join(' · ')}</p>
      {h && (
        <section className="settings-block" data-testid="holdout">
          <h2>{t('retention:results.holdout')}</h2>
          {(['offer', 'control'] as const).map((arm) => (
            <p key={arm}>{t('retention:results.group', { arm: t(`retention:arms.${arm}`), clients: h[arm].clients, buyers: h[arm].buyers, rate: fmt.percent(h[arm].rate), revenue: fmt.money(h[arm].revenuePerClient) })}</p>
          ))}
          <p data-testid="difference">{t('retention:results.difference', { value: signed(h.difference.difference), lower: signed(h.difference.lower), upper: signed(h.difference.upper) })}</p>
          <p>{t('retention:results.revenueDifference', { value: fmt.money(h.revenueDifference.difference), lower: fmt.money(h.revenueDifference.lower), upper: fmt.money(h.revenueDifference.upper) })}</p>
          {h.mde !== null && <p className="muted">{t('retention:results.mde', { value: points(h.mde) })}</p>}
          <p className="headline" data-testid="verdict">{t(`retention:results.verdict.${h.verdict}`, { date: fmt.date(r.windowEnds) })}</p>
        </section>
      )}
      <div className="toolbar">
        <label>{t('retention:results.show')}{' '}
          <select value={show} onChange={(e) => setShow(e.target.value as Arm | 'all')} aria-label={t('retention:results.show')}>
            <option value="all">{t('retention:results.everyone')}</option>
            <option value="offer">{t('retention:arms.offer')}</option>
            <option value="control">{t('retention:arms.control')}</option>
          </select>
        </label>
        <ExportButton api={() => api.current} title={`${t('retention:results.exportTitle')} — ${r.campaign.name}`} fileName={`campaign-${r.campaign.id}.xlsx`} />
      </div>
      <DataGrid<CampaignResultRow> rows={rows} columns={columns} onApi={(a) => (api.current = a)} onOpen={(row) => navigate(clientPath(row.id))} linkField="name" height={400} testId="results-grid" />
    </section>
  );
}
