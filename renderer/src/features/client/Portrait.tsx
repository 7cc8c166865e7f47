import { useTranslation } from 'react-i18next';
import type { Client, ClientRow, ClientType } from '../../../../shared/domain/types';
import { call } from '../../lib/api';
import { useSettings } from '../../lib/settings-context';
import { hrefFor } from '../../lib/useRoute';

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
  const { t } = useTranslation();
  const { fmt } = useSettings();
  const flags = (['reputation', 'innovator', 'demanding', 'keyPotential'] as const).filter((f) => client[f]);
  const wallet = client.potentialAnnual && row ? row.revenue12m / client.potentialAnnual : null;
  return (
    <div className="portrait">
      <div className="cards">
        <div className="card"><span>{t('client.revenue12m')}</span><strong data-testid="revenue12m">{fmt.money(row?.revenue12m ?? 0)}</strong><small>{fmt.percent(row?.share12m ?? 0)} {t('clients.columns.share12m').toLowerCase()}</small></div>
        <div className="card"><span>{t('client.potential')}</span><strong>{client.potentialAnnual === null ? '—' : fmt.money(client.potentialAnnual)}</strong></div>
        <div className="card"><span>{t('client.shareOfWallet')}</span><strong>{wallet === null ? '—' : fmt.percent(wallet)}</strong></div>
        <div className="card"><span>{t('clients.columns.lastPurchase')}</span><strong>{fmt.date(row?.lastPurchase) || '—'}</strong><small>{row?.daysSinceLastPurchase ?? '—'} {t('clients.columns.daysSinceLastPurchase').toLowerCase()}</small></div>
      </div>
      <dl className="facts">
        <Fact label={t('fields.code')}>{client.code}</Fact>
        <Fact label={t('fields.country')}>{[client.city, client.country].filter(Boolean).join(', ')}</Fact>
        <Fact label={t('fields.taxId')}>{client.taxId}</Fact>
        <Fact label={t('fields.email')}>{client.email}</Fact>
        <Fact label={t('fields.phone')}>{client.phone}</Fact>
        <Fact label={t('fields.website')}>
          {client.website && (
            <a href={client.website} onClick={(e) => { e.preventDefault(); void call('app.openExternal', { url: client.website! }); }}>
              {client.website}
            </a>
          )}
        </Fact>
        <Fact label={t('client.flags')}>{flags.map((f) => t(`flag.${f}`)).join(', ')}</Fact>
        <Fact label={t('client.referredBy')}>{referrer && client.referredById && <a href={hrefFor({ name: 'client', id: client.referredById })}>{referrer}</a>}</Fact>
        <Fact label={t('fields.source')}>{client.source}</Fact>
      </dl>
      <h3>{t('client.profile')}{type ? ` — ${type.name}` : ''}</h3>
      {!type ? (
        <p className="muted">{t('client.noType')}</p>
      ) : (
        <dl className="facts" data-testid="profile">
          {type.fields.map((f) => {
            const v = client.profile[f.key];
            const shown = v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : typeof v === 'number' ? fmt.number(v) : v;
            return <Fact key={f.id} label={f.label}>{shown}</Fact>;
          })}
        </dl>
      )}
      {client.notes && (<><h3>{t('fields.notes')}</h3><p className="notes">{client.notes}</p></>)}
    </div>
  );
}
