import { useState } from 'react';
import type { PrivacyJobOutcome, PrivacySettings as Settings, PrivacyStatus } from '../../../../shared/features/privacy/types';
import { OPTIONAL_CONTACT_FIELDS } from '../../../../shared/features/privacy/types';
import { MIN_PASSPHRASE } from '../../../../shared/features/privacy/schemas';
import { Dialog } from '../../components/Dialog';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { waitForJob } from '../../lib/jobs';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';

/** Settings → Privacy: encryption, the passphrase for another computer, what is kept about people, and the erasures made. */
export function PrivacySettings() {
  const { t } = useT();
  const status = useQuery('privacy.status', {});
  return (
    <section className="settings-block" data-testid="privacy">
      <h2>{t('privacy:title')}</h2>
      {status.error && <p className="form-error" role="alert">{status.error.message}</p>}
      {status.data && (
        <>
          <Encryption status={status.data} reload={status.reload} />
          <Passphrase status={status.data} reload={status.reload} />
          <Kept status={status.data} reload={status.reload} />
          <Erasures status={status.data} />
        </>
      )}
    </section>
  );
}

type Block = { status: PrivacyStatus; reload: () => void };

function Encryption({ status, reload }: Block) {
  const { t } = useT();
  const [percent, setPercent] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const encrypt = async () => {
    setMessage(null);
    setPercent(0);
    try {
      const { jobId } = await call('privacy.encrypt', {});
      const done = (await waitForJob(jobId, (p) => setPercent(p.total ? Math.floor((100 * p.done) / p.total) : 0))) as unknown as PrivacyJobOutcome;
      setMessage(t('privacy:encryption.encrypted', { name: done.backup }));
      reload();
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setPercent(null);
    }
  };
  return (
    <div data-testid="privacy-encryption">
      <h3>{t('privacy:encryption.title')}</h3>
      {status.encrypted ? (
        <p>
          {t('privacy:encryption.on')} {status.keyProtection === 'weak' ? t('privacy:encryption.keyWeak') : t('privacy:encryption.keyOs')}
        </p>
      ) : (
        <>
          <p className="warning">{t('privacy:encryption.off')}</p>
          {status.plainBackups > 0 && <p className="muted">{t('privacy:encryption.plainBackups', { count: status.plainBackups })}</p>}
          {status.keyProtection === 'none' ? (
            <p className="muted">{t('privacy:encryption.noStore')}</p>
          ) : (
            <button type="button" disabled={percent !== null} onClick={() => void encrypt()}>
              {percent === null ? t('privacy:encryption.encrypt') : t('privacy:encryption.encrypting', { percent })}
            </button>
          )}
        </>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

function Passphrase({ status, reload }: Block) {
  const { t } = useT();
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(null);
    if (first !== again) return setError(t('privacy:passphrase.mismatch'));
    setBusy(true);
    try {
      const r = await call('privacy.setPassphrase', { passphrase: first });
      setFirst('');
      setAgain('');
      setRecoveryKey(r.recoveryKey);
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="privacy-passphrase">
      <h3>{t('privacy:passphrase.title')}</h3>
      <p className="muted">{t('privacy:passphrase.lead')}</p>
      <p>{status.passphrase ? t('privacy:passphrase.isSet') : t('privacy:passphrase.notSet')}</p>
      {!status.encrypted ? (
        <p className="muted">{t('privacy:passphrase.needsEncryption')}</p>
      ) : (
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {t('privacy:passphrase.label')} <input type="password" autoComplete="new-password" minLength={MIN_PASSPHRASE} value={first} onChange={(e) => setFirst(e.target.value)} />
          </label>
          <label>
            {t('privacy:passphrase.repeat')} <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || !first}>{status.passphrase ? t('privacy:passphrase.change') : t('privacy:passphrase.set')}</button>
          {status.passphrase && (
            <button
              type="button"
              onClick={async () => {
                if (!window.confirm(t('privacy:passphrase.confirmRemove'))) return;
                await call('privacy.removePassphrase', {}).catch((e: Error) => setError(e.message));
                reload();
              }}
            >
              {t('privacy:passphrase.remove')}
            </button>
          )}
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {recoveryKey && <RecoveryKey value={recoveryKey} onClose={() => setRecoveryKey(null)} />}
    </div>
  );
}

/** The recovery key, shown once: large, printable on its own (the print style hides the rest of the window). */
function RecoveryKey({ value, onClose }: { value: string; onClose: () => void }) {
  const { t } = useT();
  return (
    <Dialog title={t('privacy:recovery.title')} onClose={onClose}>
      <style>{'@media print { body * { visibility: hidden; } .recovery-print, .recovery-print * { visibility: visible; } .recovery-print { position: absolute; inset: 0 auto auto 0; padding: 2cm; } }'}</style>
      <p>{t('privacy:recovery.lead')}</p>
      <div className="recovery-print">
        <h3 className="print-only">{t('privacy:recovery.printTitle')}</h3>
        <p data-testid="recovery-key" style={{ fontFamily: 'ui-monospace, monospace', fontSize: '1.25em', wordBreak: 'break-all', userSelect: 'all' }}>{value}</p>
        <p className="muted">{t('privacy:recovery.printNote')}</p>
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => window.print()}>{t('privacy:recovery.print')}</button>
        <button type="button" onClick={onClose}>{t('privacy:recovery.kept')}</button>
      </div>
    </Dialog>
  );
}

// A radio button beside its words (form labels stack their contents by default).
const INLINE = { display: 'inline-flex', flexDirection: 'row', alignItems: 'center', gap: '6px' } as const;
// The app's stylesheet stretches every input to the full width; a radio button keeps its own size.
const RADIO = { width: 'auto' } as const;

function Kept({ status, reload }: Block) {
  const { t } = useT();
  const [draft, setDraft] = useState<Settings>(status.settings);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const turnedOff = OPTIONAL_CONTACT_FIELDS.filter((f) => status.settings.contactFields[f] && !draft.contactFields[f]);
  const clears = turnedOff.reduce((n, f) => n + status.fieldCounts[f], 0);
  const save = async () => {
    setError(null);
    setMessage(null);
    if (clears > 0 && !window.confirm(t('privacy:fields.clears', { fields: turnedOff.map((f) => t(`privacy:fields.${f}`)).join(', '), count: clears }))) return;
    try {
      const r = await call('privacy.saveSettings', draft);
      setDraft(r.settings);
      setMessage(t('privacy:saved', { cleared: r.cleared, purged: r.purged }));
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const months = draft.lostInteractionsMonths;
  return (
    <div data-testid="privacy-kept">
      <h3>{t('privacy:fields.title')}</h3>
      <p className="muted">{t('privacy:fields.lead')}</p>
      <ul className="plain-list">
        {OPTIONAL_CONTACT_FIELDS.map((f) => (
          <li key={f}>
            <label>
              <input
                type="checkbox"
                checked={draft.contactFields[f]}
                onChange={(e) => setDraft({ ...draft, contactFields: { ...draft.contactFields, [f]: e.target.checked } })}
              />{' '}
              {t(`privacy:fields.${f}`)} <span className="muted">({t('privacy:fields.held', { count: status.fieldCounts[f] })})</span>
            </label>
          </li>
        ))}
      </ul>
      <h3>{t('privacy:retention.title')}</h3>
      <div className="toolbar">
        <label style={INLINE}>
          <input type="radio" style={RADIO} name="retention" checked={months === null} onChange={() => setDraft({ ...draft, lostInteractionsMonths: null })} /> {t('privacy:retention.keepAll')}
        </label>
        <label style={INLINE}>
          <input type="radio" style={RADIO} name="retention" checked={months !== null} onChange={() => setDraft({ ...draft, lostInteractionsMonths: months ?? 24 })} /> {t('privacy:retention.keepMonths')}{' '}
          <input
            type="number" className="narrow" min={1} max={600} aria-label={t('privacy:retention.keepMonths')} disabled={months === null}
            value={months ?? ''} onChange={(e) => setDraft({ ...draft, lostInteractionsMonths: e.target.value === '' ? 1 : Number(e.target.value) })}
          />
        </label>
      </div>
      {status.interactionsDue > 0 && <p className="muted">{t('privacy:retention.due', { count: status.interactionsDue })}</p>}
      <label>
        {t('privacy:retention.backupDays')}{' '}
        <input type="number" className="narrow" min={0} max={365} value={draft.erasedBackupDays} onChange={(e) => setDraft({ ...draft, erasedBackupDays: Number(e.target.value) })} />
      </label>
      <div className="toolbar">
        <button type="button" onClick={() => void save()}>{t('common:save')}</button>
      </div>
      {message && <p role="status">{message}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}

function Erasures({ status }: { status: PrivacyStatus }) {
  const { t } = useT();
  const { fmt } = useSettings();
  return (
    <div data-testid="privacy-erasures">
      <h3>{t('privacy:erasures.title')}</h3>
      {status.erasures.length === 0 ? (
        <p className="muted">{t('privacy:erasures.none')}</p>
      ) : (
        <ul className="plain-list">
          {status.erasures.map((e, i) => (
            <li key={i}>{t('privacy:erasures.entry', { date: fmt.dateTime(e.at), kind: t(`privacy:kinds.${e.kind}`), removed: e.removed, redacted: e.redacted })}</li>
          ))}
        </ul>
      )}
      {status.expiringBackups.length > 0 && (
        <p className="muted">{t('privacy:erasures.expiring', { count: status.expiringBackups.length, date: fmt.date(status.expiringBackups[0].expiresAt.slice(0, 10)) })}</p>
      )}
    </div>
  );
}
