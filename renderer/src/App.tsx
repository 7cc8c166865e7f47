import { useTranslation } from 'react-i18next';
import { ClientPage } from './features/client/ClientPage';
import { ClientsPage } from './features/clients/ClientsPage';
import { AnalyticsPage } from './features/analytics/AnalyticsPage';
import { ImportPage } from './features/import/ImportPage';
import { Welcome } from './features/onboarding/Welcome';
import { SettingsPage } from './features/settings/SettingsPage';
import { WorkBanner } from './components/WorkBanner';
import { SettingsProvider } from './lib/settings-context';
import { useQuery } from './lib/useQuery';
import { hrefFor, useRoute, type Route } from './lib/useRoute';

// Only sections that work are listed; later features add theirs here.
const NAV: { route: Route; label: string }[] = [
  { route: { name: 'clients' }, label: 'nav.clients' },
  { route: { name: 'analytics' }, label: 'nav.analytics' },
  { route: { name: 'import' }, label: 'nav.import' },
  { route: { name: 'settings' }, label: 'nav.settings' },
];

export function App() {
  const { t } = useTranslation();
  const info = useQuery('app.info', {});
  const route = useRoute();
  if (info.error) return <main className="welcome"><p className="form-error" role="alert">{t('app.error', { message: info.error.message })}</p><button type="button" onClick={info.reload}>{t('app.retry')}</button></main>;
  if (!info.data) return <main className="welcome"><p className="muted">{t('app.loading')}</p></main>;
  const settings = info.data.settings;
  if (!settings.onboarded) return <SettingsProvider settings={settings}><Welcome /></SettingsProvider>;
  const active = route.name === 'client' ? 'clients' : route.name;
  return (
    <SettingsProvider settings={settings}>
      <div className="shell">
        <nav className="sidebar" aria-label={t('nav.main')}>
          <div className="brand">{t('app.name')}</div>
          {NAV.map((n) => (
            <a key={n.label} href={hrefFor(n.route)} className={active === n.route.name ? 'active' : ''} aria-current={active === n.route.name ? 'page' : undefined}>
              {t(n.label)}
            </a>
          ))}
          <div className="sidebar-foot muted">v{info.data.version}</div>
        </nav>
        <main className="content">
          <WorkBanner />
          {route.name === 'clients' && <ClientsPage />}
          {route.name === 'client' && <ClientPage key={route.id} id={route.id} />}
          {route.name === 'analytics' && <AnalyticsPage />}
          {route.name === 'import' && <ImportPage />}
          {route.name === 'settings' && <SettingsPage />}
        </main>
      </div>
    </SettingsProvider>
  );
}
