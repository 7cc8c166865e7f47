import { WorkBanner } from '../components/WorkBanner';
import { Welcome } from '../features/settings/Welcome';
import { useT } from '../lib/i18n';
import { href, matchRoute, useHashPath } from '../lib/navigation';
import { SettingsProvider } from '../lib/settings-context';
import { useQuery } from '../lib/useQuery';
import { EXTENSIONS, HOME, NAV, ROUTES } from './registry';
import { useLanguage } from './useLanguage';
import { ExtensionsContext } from '../lib/extensions';
import { KeptPage } from '../lib/kept-page';
import { useKeptRoutes } from './useKeptRoutes';
import { ScreenContent } from './ScreenContent';

export function App() {
  const { t } = useT();
  const info = useQuery('app.info', {});
  const path = useHashPath();
  const { route, params } = matchRoute(ROUTES, path) ?? { route: HOME, params: {} };
  // Once the app is past loading; a kept screen is mounted only in the shell below.
  const kept = useKeptRoutes(info.data ? route : undefined);
  useLanguage(info.data?.settings);
  if (info.error) return <main className="welcome"><p className="form-error" role="alert">{t('common:app.error', { message: info.error.message })}</p><button type="button" onClick={info.reload}>{t('common:app.retry')}</button></main>;
  if (!info.data) return <main className="welcome"><p className="muted">{t('common:app.loading')}</p></main>;
  const settings = info.data.settings;
  // A base that already holds clients (made by the command line, or an import) needs no first step.
  if (!settings.onboarded && info.data.clientCount === 0) return <SettingsProvider settings={settings}><Welcome /></SettingsProvider>;
  return (
    <SettingsProvider settings={settings}>
      <ExtensionsContext.Provider value={EXTENSIONS}>
      <div className="shell">
        <nav className="sidebar" aria-label={t('common:nav.main')}>
          <div className="brand">{t('common:app.name')}</div>
          {NAV.map((n) => {
            const Badge = n.nav!.Badge;
            return (
            <a key={n.path} href={href(n.path)} className={route.section === n.section ? 'active' : ''} aria-current={route.section === n.section ? 'page' : undefined}>
              {t(n.nav!.label)}
              {Badge && <Badge />}
            </a>
            );
          })}
          <div className="sidebar-foot muted">v{info.data.version}</div>
        </nav>
        <ScreenContent path={path} kept={!!route.keep}>
          <WorkBanner />
          {kept.map((r) => <KeptPage key={r.path} shown={r === route}>{r.render({})}</KeptPage>)}
          {!route.keep && route.render(params)}
        </ScreenContent>
      </div>
      </ExtensionsContext.Provider>
    </SettingsProvider>
  );
}
