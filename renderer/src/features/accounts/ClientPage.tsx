import { useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { ClientFormDialog } from './ClientFormDialog';
import { Portrait } from './Portrait';
import { RecordSection } from './RecordSection';
import type { RecordKey } from './recordKinds';
import { useT } from '../../lib/i18n';
import { useExtensions } from '../../lib/extensions';
import { ClientStory } from './ClientStory';
import { StoryBadges } from './StoryBadges';

const TABS = ['portrait', 'contacts', 'purchases', 'interactions', 'tasks'] as const;
type Tab = (typeof TABS)[number] | `ext:${string}`;

export function ClientPage({ id }: { id: number }) {
  const { t } = useT();
  const { clientPage } = useExtensions();
  const extraTabs = clientPage.flatMap((e) => e.tabs ?? []);
  const [tab, setTab] = useState<Tab>('portrait');
  const [editing, setEditing] = useState(false);
  const client = useQuery('clients.get', { id });
  const summary = useQuery('clients.summary', { id });
  const story = useQuery('clients.story', { id });
  const types = useQuery('clientTypes.list', { includeArchived: true });
  const contacts = useQuery('contacts.list', { clientId: id, includeArchived: false });
  const referredById = client.data?.referredById ?? null;
  const referrer = useQuery('clients.get', { id: referredById ?? 0 }, referredById !== null);

  if (client.error) return <section className="page"><p className="form-error" role="alert">{client.error.message}</p><a href="#/clients">{t('common:back')}</a></section>;
  if (!client.data) return <section className="page"><p className="muted">{t('common:app.loading')}</p></section>;
  const c = client.data;
  const row = summary.data;
  const type = types.data?.find((x) => x.id === c.typeId);

  return (
    <section className="page client-page">
      <header className="page-header">
        <div>
          <a href="#/clients" className="back">← {t('accounts:nav')}</a>
          <h1 data-testid="client-name">{c.name}</h1>
          <p className="muted">
            {[type?.name, t(`accounts:status.${c.status}`), row?.manager, row?.department].filter(Boolean).join(' · ')}
          </p>
          <StoryBadges story={story.data} />
        </div>
        <div className="toolbar">
          {clientPage.flatMap((e) => e.actions ?? []).map((Action, i) => <Action key={i} clientId={id} />)}
          <button type="button" onClick={() => setEditing(true)}>{t('common:edit')}</button>
          <button type="button" onClick={() => void call(c.archivedAt ? 'clients.restore' : 'clients.archive', { id })}>
            {c.archivedAt ? t('common:restore') : t('common:archive')}
          </button>
        </div>
      </header>
      {c.archivedAt && <p className="warning">{t('accounts:client.archivedBanner')}</p>}
      <nav className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)}>
            {t(`accounts:client.tabs.${name}`)}
          </button>
        ))}
        {extraTabs.map((x) => (
          <button key={x.id} type="button" role="tab" aria-selected={tab === `ext:${x.id}`} className={tab === `ext:${x.id}` ? 'active' : ''} onClick={() => setTab(`ext:${x.id}`)}>
            {t(x.label)}
          </button>
        ))}
      </nav>
      <div className="tab-body">
        {tab === 'portrait' ? (
          <>
            {story.data && <ClientStory story={story.data} />}
            {clientPage.flatMap((e) => e.portrait ?? []).map((Block, i) => <Block key={i} clientId={id} />)}
            <Portrait client={c} row={row} type={type} referrer={referrer.data?.name} />
          </>
        ) : tab.startsWith('ext:') ? (
          extraTabs.find((x) => `ext:${x.id}` === tab)?.render(id)
        ) : (
          <RecordSection key={tab} kind={tab as RecordKey} clientId={id} clientName={c.name} contacts={contacts.data ?? []} />
        )}
      </div>
      {editing && <ClientFormDialog client={c} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </section>
  );
}
