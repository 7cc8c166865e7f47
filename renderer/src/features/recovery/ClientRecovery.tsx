import { useState } from 'react';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { MarkLostDialog } from './MarkLostDialog';
import { casePath } from './paths';

/** The client page's header button: "Mark lost", the open case, or "Make it a client" for a prospect. */
export function RecoveryAction({ clientId }: { clientId: number }) {
  const { t } = useT();
  const status = useQuery('recovery.clientStatus', { clientId });
  const client = useQuery('clients.get', { id: clientId });
  const [marking, setMarking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = status.data;
  if (!s || !client.data || client.data.archivedAt) return null;
  if (s.status === 'prospect') {
    const convert = async () => {
      try {
        await call('recovery.convertProspect', { id: clientId });
      } catch (e) {
        setError((e as Error).message);
      }
    };
    return <><button type="button" onClick={() => void convert()}>{t('recovery:markLost.makeClient')}</button>{error && <span className="form-error" role="alert">{error}</span>}</>;
  }
  if (s.openCaseId !== null) return <a href={href(casePath(s.openCaseId))}><button type="button">{t('recovery:markLost.openCase')}</button></a>;
  return (
    <>
      <button type="button" onClick={() => setMarking(true)}>{t('recovery:markLost.action')}</button>
      {marking && <MarkLostDialog clientId={clientId} name={client.data.name} onClose={() => setMarking(false)} />}
    </>
  );
}

/** At the top of the portrait: where the recovery stands, the clock and the meeting target (red when late). */
export function RecoveryStatusBlock({ clientId }: { clientId: number }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const status = useQuery('recovery.clientStatus', { clientId });
  const c = status.data?.latest;
  if (!c) return null;
  if (c.outcome === null) {
    return (
      <p className={c.meetingOverdue ? 'warning overdue' : 'warning'} data-testid="recovery-status">
        {t('recovery:status.open', { date: fmt.date(c.lostOn), days: c.days, stage: t(`recovery:stage.${c.stage}`) })}{' '}
        {c.meetingOverdue ? t('recovery:status.meetingLate', { date: fmt.date(c.meetingDue) }) : c.stage === 'meeting' ? t('recovery:status.meetingDue', { date: fmt.date(c.meetingDue) }) : ''}{' '}
        <a href={href(casePath(c.id))}>{t('recovery:status.view')}</a>
      </p>
    );
  }
  return (
    <p className="muted" data-testid="recovery-status">
      {t('recovery:status.closed', { date: fmt.date(c.outcomeOn), outcome: t(`recovery:outcome.${c.outcome}`) })} <a href={href(casePath(c.id))}>{t('recovery:status.view')}</a>
    </p>
  );
}
