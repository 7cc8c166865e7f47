import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { ClientFormDialog } from '../clients/ClientFormDialog';
import { Portrait } from './Portrait';
import { RecordSection } from './RecordSection';
import type { RecordKey } from './recordKinds';

const TABS = ['portrait', 'contacts', 'purchases', 'interactions', 'tasks'] as const;
type Tab = (typeof TABS)[number];

export function ClientPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('portrait');
  const [editing, setEditing] = useState(false);
  const client = useQuery('clients.get', { id });
  const summary = useQuery('clients.summary', { id });
  const types = useQuery('clientTypes.list', { includeArchived: true });
  const contacts = useQuery('contacts.list', { clientId: id, includeArchived: false });
  const referredById = client.data?.referredById ?? null;
  const referrer = useQuery('clients.get', { id: referredById ?? 0 }, referredById !== null);

  if (client.error) return <section className="page"><p className="form-error" role="alert">{client.error.message}</p><a href="#/clients">{t('common.back')}</a></section>;
  if (!client.data) return <section className="page"><p className="muted">{t('app.loading')}</p></section>;
  const c = client.data;
  const row = summary.data;
  const type = types.data?.find((x) => x.id === c.typeId);

  return (
    <section className="page client-page">
      <header className="page-header">
        <div>
          <a href="#/clients" className="back">← {t('nav.clients')}</a>
          <h1 data-testid="client-name">{c.name}</h1>
          <p className="muted">
            {[type?.name, t(`status.${c.status}`), row?.manager, row?.department].filter(Boolean).join(' · ')}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" onClick={() => setEditing(true)}>{t('common.edit')}</button>
          <button type="button" onClick={() => void call(c.archivedAt ? 'clients.restore' : 'clients.archive', { id })}>
            {c.archivedAt ? t('common.restore') : t('common.archive')}
          </button>
        </div>
      </header>
      {c.archivedAt && <p className="warning">{t('client.archivedBanner')}</p>}
      <nav className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)}>
            {t(`client.tabs.${name}`)}
          </button>
        ))}
      </nav>
      <div className="tab-body">
        {tab === 'portrait' ? <Portrait client={c} row={row} type={type} referrer={referrer.data?.name} /> : <RecordSection key={tab} kind={tab as RecordKey} clientId={id} contacts={contacts.data ?? []} />}
      </div>
      {editing && <ClientFormDialog client={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </section>
  );
}
