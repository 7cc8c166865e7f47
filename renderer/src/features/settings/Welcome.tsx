import { useState } from 'react';
import { call } from '../../lib/api';
import { navigate } from '../../lib/navigation';
import { useT } from '../../lib/i18n';

/** The import screen's path (the import feature's route); named here so this screen imports no other feature. */
const IMPORT_PATH = 'import';

export function Welcome() {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: 'app.loadDemo' | 'app.startEmpty', then?: string) => {
    setBusy(true);
    setError(null);
    try {
      // The path first: the app leaves this screen as soon as the call lands, and opens straight there.
      if (then) navigate(then);
      await call(what, {});
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <main className="welcome">
      <h1>{t('settings:welcome.title')}</h1>
      <p className="lead">{t('settings:welcome.lead')}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="welcome-choices">
        <button type="button" className="choice primary" disabled={busy} onClick={() => run('app.loadDemo')}>
          <strong>{busy ? t('settings:welcome.loadingDemo') : t('settings:welcome.demo')}</strong>
          <span>{t('settings:welcome.demoHint')}</span>
        </button>
        <button type="button" className="choice" disabled={busy} onClick={() => run('app.startEmpty', IMPORT_PATH)}>
          <strong>{t('accounts:welcome.import')}</strong>
          <span>{t('accounts:welcome.importHint')}</span>
        </button>
        <button type="button" className="choice" disabled={busy} onClick={() => run('app.startEmpty')}>
          <strong>{t('settings:welcome.empty')}</strong>
          <span>{t('settings:welcome.emptyHint')}</span>
        </button>
      </div>
    </main>
  );
}
