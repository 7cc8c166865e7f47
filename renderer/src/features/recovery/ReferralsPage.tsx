import type { ColDef, GridApi } from 'ag-grid-community';
import { useMemo, useRef } from 'react';
import type { Referral, ReferralNode, ReferrerRow } from '../../../../shared/features/recovery/types';
import { toIsoDate } from '../../../../shared/kernel/dates';
import { DataGrid } from '../../components/DataGrid';
import { useT, type T } from '../../lib/i18n';
import { href, navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { ExportButton } from '../export';
import { RecoveryTabs } from './RecoveryTabs';

const statusLabel = (t: T, s: string) => (s === 'prospect' || s === 'active' || s === 'dormant' || s === 'lost' ? t(`accounts:status.${s}`) : s);

function Tree({ nodes }: { nodes: ReferralNode[] }) {
  const { t } = useT();
  const { fmt } = useSettings();
  return (
    <ul style={{ listStyle: 'none', paddingLeft: 18, margin: 0, borderLeft: '1px solid var(--line)' }}>
      {nodes.map((n) => (
        <li key={n.id} style={{ margin: '4px 0' }} data-testid={`node-${n.id}`}>
          <a href={href(clientPath(n.id))}>{n.name}</a>{' '}
          <span className="muted">({statusLabel(t, n.status)} · {fmt.money(n.revenue12m)}{n.via ? ` · ${t(`recovery:referrals.via.${n.via}`)}` : ''})</span>
          {n.broughtTotal > 0 && <strong> {t('recovery:referrals.brought', { value: fmt.money(n.broughtTotal) })}</strong>}
          {n.children.length > 0 && <Tree nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

type ReferralRow = Referral & { rowId: number; id: number };

/** Who referred whom (a tree from "referred by" and from recovery referrals) and the revenue referrals brought. */
export function ReferralsPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const q = useQuery('recovery.referrals', {});
  const referrersApi = useRef<GridApi<ReferrerRow> | null>(null);
  const listApi = useRef<GridApi<ReferralRow> | null>(null);
  const r = q.data;
  const money = (field: string, header: string) => ({ field, headerName: header, width: 170, type: 'numericColumn', valueFormatter: (p: { value: number }) => fmt.money(p.value), context: { exportKind: 'money' } });
  const referrerColumns = useMemo<ColDef<ReferrerRow>[]>(() => [
    { field: 'name', headerName: t('recovery:referrals.col.name'), width: 240, cellClass: 'cell-link' },
    { field: 'status', headerName: t('recovery:referrals.col.status'), width: 120, valueFormatter: (p) => statusLabel(t, p.value) },
    { field: 'referred', headerName: t('recovery:referrals.col.referredCount'), width: 140, type: 'numericColumn', context: { exportKind: 'integer' } },
    money('referredRevenue12m', t('recovery:referrals.col.revenue12m')) as ColDef<ReferrerRow>,
    money('referredRevenueTotal', t('recovery:referrals.col.revenueTotal')) as ColDef<ReferrerRow>,
  ], [t, fmt]);
  const listColumns = useMemo<ColDef<ReferralRow>[]>(() => [
    { field: 'referrerName', headerName: t('recovery:referrals.col.referrer'), width: 220 },
    { field: 'referredName', headerName: t('recovery:referrals.col.referred'), width: 220, cellClass: 'cell-link' },
    { field: 'referredStatus', headerName: t('recovery:referrals.col.status'), width: 120, valueFormatter: (p) => statusLabel(t, p.value) },
    { field: 'via', headerName: t('recovery:referrals.col.via'), width: 140, valueFormatter: (p) => (p.value ? t(`recovery:referrals.via.${p.value as Referral['via']}`) : '') },
    { field: 'contactName', headerName: t('recovery:referrals.col.contact'), width: 160 },
    money('referredRevenue12m', t('recovery:referrals.col.revenue12m')) as ColDef<ReferralRow>,
    { field: 'createdAt', headerName: t('recovery:referrals.col.date'), width: 130, valueFormatter: (p) => fmt.date(p.value), context: { exportKind: 'date' } },
    { field: 'note', headerName: t('recovery:referrals.col.note'), width: 220 },
  ], [t, fmt]);
  const rows = useMemo(() => (r?.referrals ?? []).map((x, i) => ({ ...x, rowId: x.id ?? 0, id: i + 1 })), [r]);
  const today = toIsoDate(new Date());
  return (
    <section className="page">
      <header className="page-header"><h1>{t('recovery:referrals.title')}</h1></header>
      <RecoveryTabs active="referrals" />
      <p className="muted">{t('recovery:referrals.lead')}</p>
      {q.error && <p className="form-error" role="alert">{q.error.message}</p>}
      {r && (
        <>
          <div className="cards">
            <div className="card"><span>{t('recovery:referrals.revenue12m')}</span><strong data-testid="referred-revenue">{fmt.money(r.revenue12m)}</strong></div>
            <div className="card"><span>{t('recovery:referrals.revenueTotal')}</span><strong>{fmt.money(r.revenueTotal)}</strong></div>
          </div>
          <h2>{t('recovery:referrals.tree')}</h2>
          {r.roots.length === 0 ? <p className="muted">{t('recovery:referrals.empty')}</p> : <div data-testid="referral-tree"><Tree nodes={r.roots} /></div>}
          <h2>{t('recovery:referrals.referrers')}</h2>
          <div className="toolbar">{r.referrers.length > 0 && <ExportButton api={() => referrersApi.current} title={t('recovery:referrals.exportReferrers')} fileName={`referrers-${today}.xlsx`} />}</div>
          <DataGrid rows={r.referrers} columns={referrerColumns} layoutKey="recovery.referrers" linkField="name" height={Math.min(360, 60 + r.referrers.length * 42)} onOpen={(row) => navigate(clientPath(row.id))} onApi={(a) => (referrersApi.current = a)} testId="referrers-grid" />
          <h2>{t('recovery:referrals.list')}</h2>
          <div className="toolbar">{rows.length > 0 && <ExportButton api={() => listApi.current} title={t('recovery:referrals.exportList')} fileName={`referrals-${today}.xlsx`} />}</div>
          <DataGrid rows={rows} columns={listColumns} layoutKey="recovery.referrals" linkField="referredName" height={Math.min(420, 60 + rows.length * 42)} onOpen={(row) => navigate(clientPath(row.referredId))} onApi={(a) => (listApi.current = a)} testId="referrals-grid" />
        </>
      )}
    </section>
  );
}
