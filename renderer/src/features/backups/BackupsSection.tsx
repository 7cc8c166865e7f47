import { useState } from 'react';
import { call } from '../../lib/api';
import { waitForJob } from '../../lib/jobs';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { useT } from '../../lib/i18n';

/** Rolling backups: how many are kept, each listed with a restore that works while the app stays open. */
export function BackupsSection() {
  const { t } = useT();
  const { fmt } = useSettings();
  const list = useQuery('backups.list', {});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [keep, setKeep] = useState<string | null>(null);

  const job = async (start: () => Promise<{ jobId: string }>, done: (o: Awaited<ReturnType<typeof waitForJob>>) => string) => {
    setBusy(true);
    setMessage(null);
    try {
      const { jobId } = await start();
      const outcome = await waitForJob(jobId, () => {});
      setMessage(done(outcome));
      list.reload();
      return outcome;
    } catch (e) {
      setMessage((e as Error).message);
      return null;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-block" data-testid="backups">
      <h2>{t('backups:title')}</h2>
      <p className="muted">{t('backups:lead', { folder: list.data?.folder ?? '' })}</p>
      <div className="toolbar">
        <label>
          {t('backups:keep')}{' '}
          <input
            type="number" min={1} max={100} className="narrow" aria-label={t('backups:keep')}
            value={keep ?? String(list.data?.keep ?? '')}
            onChange={(e) => setKeep(e.target.value)}
            onBlur={async () => {
              if (keep === null) return;
              try {
                await call('backups.setKeep', { keep: Number(keep) });
                setKeep(null);
                list.reload();
              } catch (e) {
                setMessage((e as Error).message);
              }
            }}
          />
        </label>
        <button type="button" disabled={busy} onClick={() => void job(() => call('backups.backUp', {}), (o) => (o.task === 'backup' ? t('backups:made', { name: o.backup.name }) : ''))}>
          {t('backups:now')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {list.data?.backups.length === 0 && <p className="muted">{t('backups:none')}</p>}
      <table>
        <tbody>
          {list.data?.backups.map((b) => (
            <tr key={b.name} data-backup={b.name}>
              <td>{fmt.dateTime(b.createdAt)}</td>
              <td>{t(`backups:reasons.${b.reason}`)}</td>
              <td>{fmt.number(Math.round(b.size / 1024))} KB</td>
              <td>
                <button
                  type="button" disabled={busy}
                  onClick={async () => {
                    if (!window.confirm(t('backups:confirmRestore', { date: fmt.dateTime(b.createdAt) }))) return;
                    const o = await job(() => call('backups.restoreFrom', { name: b.name }), (o) => (o.task === 'restore' ? t('backups:restored', { aside: o.keptAside }) : ''));
                    // Every screen shows the restored data: start the renderer afresh.
                    if (o) setTimeout(() => window.location.reload(), 1500);
                  }}
                >
                  {t('backups:restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
