import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef } from 'react';
import type { KeyReason, Scope, WalletRow } from '../../../../shared/features/analytics/types';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../lib/i18n';
import { href, navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { ExportButton } from '../export';
import { breadthColumns, breadthRows, kamColumns, kamRows, walletColumns, type BreadthGridRow, type KamGridRow } from './accountColumns';
import { EChart } from './EChart';
import { kamOption, walletGapOption } from './panelCharts';

const SHOWN = 50;

/** Key accounts with their reasons, the managers who carry them, how broadly we know them, and the wallet gap. */
export function AccountsPanels({ input }: { input: { from: string; to: string; scope: Scope } }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const a = useQuery('analytics.accounts', input).data;
  const settings = useQuery('analytics.settings', {}).data;
  const kamApi = useRef<GridApi<KamGridRow> | null>(null);
  const breadthApi = useRef<GridApi<BreadthGridRow> | null>(null);
  const walletApi = useRef<GridApi<WalletRow> | null>(null);
  const max = settings?.kamMaxAccounts ?? 0;
  const days = settings?.staleContactDays ?? 0;
  const kam = useMemo(() => (a ? kamRows(a.kam, t) : []), [a, t]);
  const breadth = useMemo(() => (a ? breadthRows(a.breadth) : []), [a]);
  const columns = useMemo(() => ({ kam: kamColumns(t, fmt, max), breadth: breadthColumns(t, days), wallet: walletColumns(t, fmt) }), [t, fmt, max, days]);
  const charts = useMemo(
    () => a && {
      kam: kamOption(kam, max, { accounts: t('analytics:tables.keyAccounts'), limit: t('analytics:tables.limit', { max }) }),
      wallet: walletGapOption(a.wallet, fmt, { ours: t('analytics:tables.ours'), gap: t('analytics:gap') }),
    },
    [a, kam, max, fmt, t],
  );
  if (!a || !charts) return null;
  const reason = (r: KeyReason) => t(`analytics:reason.${r.kind}`, { pct: r.share === undefined ? '' : fmt.percent(r.share), of: r.of });
  const open = (row: { id: number }) => navigate(clientPath(row.id));
  const gridHeight = (n: number) => Math.min(400, 56 + Math.max(n, 1) * 42);
  return (
    <>
      <h2>{t('analytics:keyAccounts')} ({fmt.number(a.keyAccounts.length, 0)})</h2>
      <table className="table" data-testid="key-accounts">
        <thead><tr><th>{t('analytics:col.name')}</th><th>{t('analytics:col.manager')}</th><th>{t('analytics:col.revenue')}</th><th>{t('analytics:why')}</th></tr></thead>
        <tbody>
          {a.keyAccounts.slice(0, SHOWN).map((k) => (
            <tr key={k.id}><td><a href={href(clientPath(k.id))}>{k.name}</a></td><td>{k.manager ?? t('analytics:tables.noManager')}</td><td className="num">{fmt.money(k.revenue)}</td><td>{k.reasons.map(reason).join(', ')}</td></tr>
          ))}
        </tbody>
      </table>
      {a.keyAccounts.length > SHOWN && <p className="muted">{t('analytics:tables.firstOf', { shown: fmt.number(SHOWN, 0), total: fmt.number(a.keyAccounts.length, 0) })}</p>}

      <section className="panel" data-testid="kam-panel">
        <h2>{t('analytics:kam')}</h2>
        <p className="muted">{t('analytics:tables.kamRule', { max })}</p>
        <div className="panel-row">
          <div className="panel-grid">
            <ExportButton api={() => kamApi.current} title={t('analytics:kam')} fileName={`kam-${input.to}.xlsx`} />
            <DataGrid rows={kam} columns={columns.kam} height={gridHeight(kam.length)} layoutKey="analytics.kam" onApi={(x) => (kamApi.current = x)} testId="kam" />
          </div>
          {kam.length > 0 && <EChart option={charts.kam} height={280} testId="kam-chart" />}
        </div>
      </section>

      <section className="panel" data-testid="breadth-panel">
        <h2>{t('analytics:breadth')}</h2>
        <p className="muted">{t('analytics:tables.breadthRule')}</p>
        <ExportButton api={() => breadthApi.current} title={t('analytics:breadth')} fileName={`relationship-breadth-${input.to}.xlsx`} />
        <DataGrid rows={breadth} columns={columns.breadth} height={gridHeight(breadth.length)} layoutKey="analytics.breadth" linkField="name" onOpen={open} onApi={(x) => (breadthApi.current = x)} testId="breadth" />
      </section>

      <section className="panel" data-testid="wallet-panel">
        <h2>{t('analytics:wallet')}</h2>
        <p className="muted">{t('analytics:tables.walletRule')}</p>
        {a.wallet.length > 0 && <EChart option={charts.wallet} height={360} testId="wallet-chart" onItemClick={(d) => { const id = (d as { clientId?: number })?.clientId; if (id) navigate(clientPath(id)); }} />}
        <ExportButton api={() => walletApi.current} title={t('analytics:wallet')} fileName={`share-of-wallet-${input.to}.xlsx`} />
        <DataGrid rows={a.wallet} columns={columns.wallet} height={gridHeight(a.wallet.length)} layoutKey="analytics.wallet" linkField="name" onOpen={open} onApi={(x) => (walletApi.current = x)} testId="wallet" />
      </section>
    </>
  );
}
