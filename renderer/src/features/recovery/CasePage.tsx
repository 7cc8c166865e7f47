import { useState } from 'react';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { ClosedSummary } from './ClosedSummary';
import { InterviewStep } from './InterviewStep';
import { reasonName } from './labels';
import { MeetingStep } from './MeetingStep';
import { OutcomeStep } from './OutcomeStep';
import { briefPath, RECOVERY_PATHS } from './paths';
import { RecoveryTabs } from './RecoveryTabs';
import { CASE_STAGES } from '../../../../shared/features/recovery/enums';

/** One lost account's recovery: the clock and target, then meeting, interview, outcome and follow-up on one page. */
export function CasePage({ id }: { id: number }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const q = useQuery('recovery.case', { id });
  const reasons = useQuery('recovery.reasons', { includeArchived: true });
  const [error, setError] = useState<string | null>(null);
  if (q.error) return <section className="page"><p className="form-error" role="alert">{q.error.message}</p><a href={href(RECOVERY_PATHS.cases)}>{t('recovery:case.back')}</a></section>;
  const c = q.data;
  if (!c || !reasons.data) return <section className="page"><p className="muted">{t('common:app.loading')}</p></section>;
  const closed = c.outcome !== null;
  const readOnly = closed || c.archivedAt !== null;
  const reason = reasons.data.find((r) => r.id === (c.interview.reasonId ?? c.firstReasonId));
  const act = async (channel: 'recovery.archive' | 'recovery.restore') => {
    setError(null);
    try {
      await call(channel, { id: c.id });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="page" data-testid="case-page">
      <header className="page-header">
        <div>
          <a href={href(RECOVERY_PATHS.cases)} className="back">← {t('recovery:case.back')}</a>
          <h1><a href={href(clientPath(c.clientId))} data-testid="case-client">{c.clientName}</a></h1>
          <p className="muted">
            {t('recovery:case.lostOn', { date: fmt.date(c.lostOn) })} · {closed ? t('recovery:case.closedAfter', { count: c.days }) : t('recovery:case.clock', { count: c.days })}
            {' · '}
            <span className={c.meetingOverdue ? 'overdue' : undefined} data-testid="meeting-target">
              {c.meetingOverdue ? t('recovery:case.targetLate', { date: fmt.date(c.meetingDue) }) : t('recovery:case.target', { date: fmt.date(c.meetingDue) })}
            </span>
          </p>
        </div>
        <div className="toolbar">
          <a href={href(briefPath(c.id))}><button type="button">{t('recovery:case.brief')}</button></a>
          <button type="button" onClick={() => void act(c.archivedAt ? 'recovery.restore' : 'recovery.archive')}>{c.archivedAt ? t('recovery:case.restore') : t('recovery:case.archive')}</button>
        </div>
      </header>
      <RecoveryTabs active="cases" />
      {c.archivedAt && <p className="warning">{t('recovery:case.archived')}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      <ol className="toolbar" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="stages">
        {CASE_STAGES.map((s) => (
          <li key={s} className={s === c.stage ? 'badge' : 'muted'} aria-current={s === c.stage ? 'step' : undefined} style={s === c.stage ? { fontWeight: 600 } : undefined}>{t(`recovery:stage.${s}`)}</li>
        ))}
      </ol>
      <ul className="muted" style={{ margin: 0 }}>
        {c.noticedBy && <li>{t('recovery:case.noticedBy', { name: c.noticedBy })}</li>}
        {c.proposedAs && <li>{t('recovery:case.proposedAs', { reason: t(`recovery:candidateReason.${c.proposedAs}`) })}</li>}
        <li>{t('recovery:case.firstReason', { reason: reasonName(t, reasons.data, c.firstReasonId) })}{c.firstReasonNote ? ` — ${c.firstReasonNote}` : ''}</li>
        <li>{t('recovery:case.lostRevenue', { value: fmt.money(c.lostRevenue) })}{c.abc ? ` · ${t('recovery:cases.col.abc')} ${c.abc}` : ''}</li>
      </ul>
      <MeetingStep key={`m${c.id}`} c={c} readOnly={readOnly} />
      <InterviewStep key={`i${c.id}`} c={c} reasons={reasons.data} readOnly={readOnly} />
      {closed ? <ClosedSummary c={c} /> : !c.archivedAt && <OutcomeStep key={`o${c.id}`} c={c} category={reason?.category ?? null} />}
    </section>
  );
}
