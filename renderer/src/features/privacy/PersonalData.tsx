import { useEffect, useState } from 'react';
import type { ErasureReport, ErasureSubject } from '../../../../shared/features/privacy/types';
import { Dialog } from '../../components/Dialog';
import { call } from '../../lib/api';
import { useT, type T } from '../../lib/i18n';
import { waitForJob } from '../../lib/jobs';
import { navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';

const KNOWN_TABLES = ['clients', 'contacts', 'purchases', 'interactions', 'tasks', 'import_changes'] as const;
const tableName = (t: T, table: string) => ((KNOWN_TABLES as readonly string[]).includes(table) ? t(`privacy:tables.${table as (typeof KNOWN_TABLES)[number]}`) : table);

/** The client page's "Personal data" tab: each contact's data exported or erased, or the whole client erased. */
export function PersonalData({ clientId }: { clientId: number }) {
  const { t } = useT();
  const contacts = useQuery('contacts.list', { clientId, includeArchived: true });
  const client = useQuery('clients.get', { id: clientId });
  const [erasing, setErasing] = useState<{ subject: ErasureSubject; name: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const exportOne = async (contactId: number) => {
    setMessage(null);
    try {
      const files = await call('privacy.exportPerson', { contactId });
      if (files) setMessage(t('privacy:person.exported', { json: files.json, xlsx: files.xlsx }));
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <div className="personal-data" data-testid="personal-data">
      <p className="muted">{t('privacy:person.lead')}</p>
      {contacts.data?.length === 0 && <p className="muted">{t('privacy:person.noContacts')}</p>}
      <table>
        <tbody>
          {contacts.data?.map((c) => (
            <tr key={c.id} data-contact={c.id}>
              <td>{c.name}</td>
              <td>
                <button type="button" onClick={() => void exportOne(c.id)}>{t('privacy:person.export')}</button>{' '}
                <button type="button" className="danger" onClick={() => setErasing({ subject: { kind: 'contact', id: c.id }, name: c.name })}>{t('privacy:person.erase')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {client.data && (
        <p>
          <button type="button" className="danger" onClick={() => setErasing({ subject: { kind: 'client', id: clientId }, name: client.data!.name })}>{t('privacy:person.eraseClient')}</button>
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {erasing && (
        <EraseDialog
          {...erasing}
          onClose={() => setErasing(null)}
          onDone={(text) => {
            setErasing(null);
            setMessage(text);
            if (erasing.subject.kind === 'client') navigate('clients');
          }}
        />
      )}
    </div>
  );
}

const input = (s: ErasureSubject) => (s.kind === 'contact' ? { contactId: s.id } : { clientId: s.id });

/** The erasure's preview (what goes, what is rewritten, what to review, which backups expire), then the erasure itself. */
function EraseDialog({ subject, name, onClose, onDone }: { subject: ErasureSubject; name: string; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const [plan, setPlan] = useState<ErasureReport | null>(null);
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('privacy.previewErasure', input(subject)).then(setPlan, (e: Error) => setError(e.message));
  }, [subject.kind, subject.id]);
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      const { jobId } = await call('privacy.erase', { subject: input(subject), confirm: true });
      const r = (await waitForJob(jobId, () => {})) as unknown as ErasureReport;
      onDone(t('privacy:erase.done', { removed: r.removed.reduce((n, x) => n + x.ids.length, 0), redacted: r.redacted.length }));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const indexRows = plan?.searchIndex.reduce((n, x) => n + x.rows, 0) ?? 0;
  return (
    <Dialog title={subject.kind === 'contact' ? t('privacy:erase.titleContact', { name }) : t('privacy:erase.titleClient', { name })} onClose={onClose} wide>
      {error && <p className="form-error" role="alert">{error}</p>}
      {plan && (
        <div data-testid="erase-plan">
          <p>{t('privacy:erase.removes')}</p>
          <ul>
            {plan.removed.map((r) => (
              <li key={r.table}>{t('privacy:erase.row', { table: tableName(t, r.table), count: r.ids.length })}</li>
            ))}
          </ul>
          {plan.redacted.length > 0 && <p>{t('privacy:erase.rewrites', { count: plan.redacted.length })}</p>}
          {indexRows > 0 && <p>{t('privacy:erase.index', { count: indexRows })}</p>}
          {plan.toReview.length > 0 && (
            <>
              <p>{t('privacy:erase.review')}</p>
              <ul data-testid="erase-review">
                {plan.toReview.map((r) => (
                  <li key={`${r.table}-${r.id}`}>{t('privacy:erase.reviewRow', { table: tableName(t, r.table), id: r.id, fields: (r.fields ?? []).join(', ') })}</li>
                ))}
              </ul>
            </>
          )}
          {plan.backupsToExpire.length > 0 && <p>{t('privacy:erase.backups', { count: plan.backupsToExpire.length, date: fmt.date(plan.backupsToExpire[0].expiresAt.slice(0, 10)) })}</p>}
          {plan.redacted.length + plan.toReview.length + indexRows === 0 && <p className="muted">{t('privacy:erase.nothingElse')}</p>}
          <label>
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> {t('privacy:erase.confirm')}
          </label>
          <div className="toolbar">
            <button type="button" className="danger" disabled={!sure || busy} onClick={() => void erase()}>{t('privacy:erase.go')}</button>
            <button type="button" onClick={onClose}>{t('common:cancel')}</button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
