import type { Client, ClientRow, ClientType } from '../../../../shared/features/accounts/types';
import { call } from '../../lib/api';
import { useSettings } from '../../lib/settings-context';
import { href } from '../../lib/navigation';
import { clientPath } from './paths';
import { useT } from '../../lib/i18n';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children === null || children === undefined || children === '' ? '—' : children}</dd>
    </div>
  );
}

/** The client at a glance: what we sell them, what they could buy, and the portrait of their business. */
export function Portrait({ client, row, type, referrer }: { client: Client; row?: ClientRow; type?: ClientType; referrer?: string }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const flags = (['reputation', 'innovator', 'demanding', 'keyPotential'] as const).filter((f) => client[f]);
  const wallet = client.potentialAnnual && row ? row.revenue12m / client.potentialAnnual : null;
  return (
    <div className="portrait">
      <div className="cards">
        <div className="card"><span>{t('accounts:client.revenue12m')}</span><strong data-testid="revenue12m">{fmt.money(row?.revenue12m ?? 0)}</strong><small>{fmt.percent(row?.share12m ?? 0)} {t('accounts:clients.columns.share12m').toLowerCase()}</small></div>
        <div className="card"><span>{t('accounts:client.potential')}</span><strong>{client.potentialAnnual === null ? '—' : fmt.money(client.potentialAnnual)}</strong></div>
        <div className="card"><span>{t('accounts:client.shareOfWallet')}</span><strong>{wallet === null ? '—' : fmt.percent(wallet)}</strong></div>
      </div>
      <dl className="facts">
        <Fact label={t('accounts:fields.code')}>{client.code}</Fact>
        <Fact label={t('accounts:fields.country')}>{[client.city, client.country].filter(Boolean).join(', ')}</Fact>
        <Fact label={t('accounts:fields.taxId')}>{client.taxId}</Fact>
        <Fact label={t('accounts:fields.email')}>{client.email}</Fact>
        <Fact label={t('accounts:fields.phone')}>{client.phone}</Fact>
        <Fact label={t('accounts:fields.website')}>
          {client.website && (
            <a href={client.website} onClick={(e) => { e.preventDefault(); void call('app.openExternal', { url: client.website! }); }}>
              {client.website}
            </a>
          )}
        </Fact>
        <Fact label={t('accounts:client.flags')}>{flags.map((f) => t(`accounts:flag.${f}`)).join(', ')}</Fact>
        <Fact label={t('accounts:client.referredBy')}>{referrer && client.referredById && <a href={href(clientPath(client.referredById))}>{referrer}</a>}</Fact>
        <Fact label={t('accounts:fields.source')}>{client.source}</Fact>
      </dl>
      <h3>{t('accounts:client.profile')}{type ? ` — ${type.name}` : ''}</h3>
      {!type ? (
        <p className="muted">{t('accounts:client.noType')}</p>
      ) : (
        <dl className="facts" data-testid="profile">
          {type.fields.map((f) => {
            const v = client.profile[f.key];
            const shown = v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? t(v ? 'common:yes' : 'common:no') : typeof v === 'number' ? fmt.number(v) : v;
            return <Fact key={f.id} label={f.label}>{shown}</Fact>;
          })}
        </dl>
      )}
      {client.notes && (<><h3>{t('accounts:fields.notes')}</h3><p className="notes">{client.notes}</p></>)}
    </div>
  );
}
