import type { KeyReason, Scope } from '../../../../shared/features/analytics/types';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { useT } from '../../lib/i18n';

const SHOWN = 50;

/** Key accounts with their reasons, the managers who carry them, how broadly we know them, and the wallet gap. */
export function AccountsPanels({ input }: { input: { from: string; to: string; scope: Scope } }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const a = useQuery('analytics.accounts', input).data;
  const settings = useQuery('analytics.settings', {}).data;
  if (!a) return null;
  const reason = (r: KeyReason) => t(`analytics:reason.${r.kind}`, { pct: r.share === undefined ? '' : fmt.percent(r.share), of: r.of });
  return (
    <>
      <h2>{t('analytics:keyAccounts')} ({a.keyAccounts.length})</h2>
      <table className="table" data-testid="key-accounts">
        <thead><tr><th>{t('analytics:col.name')}</th><th>{t('analytics:col.manager')}</th><th>{t('analytics:col.revenue')}</th><th>{t('analytics:why')}</th></tr></thead>
        <tbody>
          {a.keyAccounts.slice(0, SHOWN).map((k) => (
            <tr key={k.id}><td><a href={`#/clients/${k.id}`}>{k.name}</a></td><td>{k.manager}</td><td className="num">{fmt.money(k.revenue)}</td><td>{k.reasons.map(reason).join(', ')}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>{t('analytics:kam')}</h2>
      <table className="table" data-testid="kam">
        <tbody>
          {a.kam.map((k) => (
            <tr key={k.managerId ?? 0} className={k.overLimit ? 'over' : ''}>
              <td>{k.manager}</td><td className="num">{k.keyAccounts}</td><td className="num">{fmt.percent(k.keyRevenueShare)}</td>
              <td>{k.overLimit ? t('analytics:overLimit', { max: settings?.kamMaxAccounts }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('analytics:breadth')}</h2>
      <ul data-testid="breadth">
        {a.breadth.slice(0, SHOWN).map((b) => (
          <li key={b.id}>
            <a href={`#/clients/${b.id}`}>{b.name}</a>: {b.contacts} · {b.singleThreaded && <strong>{t('analytics:singleThreaded')} · </strong>}
            {b.missingLevels.length > 0 && t('analytics:missing', { levels: b.missingLevels.map((l) => t(`accounts:level.${l}`)).join(', ') })}
            {b.staleContacts.length > 0 && ` · ${t('analytics:stale', { n: b.staleContacts.length, days: settings?.staleContactDays })}`}
          </li>
        ))}
      </ul>
      <h2>{t('analytics:wallet')}</h2>
      <table className="table" data-testid="wallet">
        <thead><tr><th>{t('analytics:col.name')}</th><th>{t('analytics:col.revenue')}</th><th>{t('analytics:potential')}</th><th>{t('analytics:col.share')}</th><th>{t('analytics:gap')}</th></tr></thead>
        <tbody>
          {a.wallet.slice(0, 20).map((w) => (
            <tr key={w.id}><td><a href={`#/clients/${w.id}`}>{w.name}</a></td><td className="num">{fmt.money(w.revenue)}</td><td className="num">{fmt.money(w.potential)}</td><td className="num">{fmt.percent(w.walletShare)}</td><td className="num">{fmt.money(w.gap)}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
