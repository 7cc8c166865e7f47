import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';

export function Welcome() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: 'app.loadDemo' | 'app.startEmpty') => {
    setBusy(true);
    setError(null);
    try {
      await call(what, {});
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <main className="welcome">
      <h1>{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.lead')}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="welcome-choices">
        <button type="button" className="choice primary" disabled={busy} onClick={() => run('app.loadDemo')}>
          <strong>{busy ? t('welcome.loadingDemo') : t('welcome.demo')}</strong>
          <span>{t('welcome.demoHint')}</span>
        </button>
        <button type="button" className="choice" disabled={busy} onClick={() => run('app.startEmpty')}>
          <strong>{t('welcome.empty')}</strong>
          <span>{t('welcome.emptyHint')}</span>
        </button>
      </div>
    </main>
  );
}
