import { useMemo, useState } from 'react';
import { sparklineOption } from '../../../../shared/features/recovery/charts';
import type { Candidate } from '../../../../shared/features/recovery/types';
import { href } from '../../lib/navigation';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { MarkLostDialog } from './MarkLostDialog';
import { RecoveryChart } from './RecoveryChart';

const SHOWN = 25;

function Sparkline({ c }: { c: Candidate }) {
  const option = useMemo(() => sparklineOption(c.trend), [c.trend]);
  return <RecoveryChart option={option} height={44} width={170} testId={`spark-${c.clientId}`} />;
}

/** Key accounts and A clients that look lost, each with its evidence and a "Mark lost" button. */
export function CandidatesPanel() {
  const { t } = useT();
  const { fmt } = useSettings();
  const result = useQuery('recovery.candidates', {});
  const settings = useQuery('recovery.settings', {});
  const [marking, setMarking] = useState<Candidate | null>(null);
  const r = result.data;
  const s = settings.data;
  return (
    <section className="settings-block" data-testid="candidates">
      <h2>{t('recovery:candidates.title')}</h2>
      {s && <p className="muted">{t('recovery:candidates.rule', { factor: fmt.number(s.overdueFactor, 1), days: s.fallWindowDays, share: fmt.percent(s.fallShare) })}</p>}
      {result.error && <p className="form-error" role="alert">{result.error.message}</p>}
      {r && r.candidates.length === 0 && <p className="muted">{t('recovery:candidates.none', { date: fmt.date(r.asOf) })}</p>}
      {r && r.candidates.length > 0 && (
        <table className="table">
          <tbody>
            {r.candidates.slice(0, SHOWN).map((c) => (
              <tr key={c.clientId} data-testid={`candidate-${c.clientId}`}>
                <td>
                  <a href={href(clientPath(c.clientId))}>{c.name}</a>
                  <div className="muted">{[c.abc, c.key ? t('recovery:candidates.key') : null, c.manager].filter(Boolean).join(' · ')}</div>
                </td>
                <td>{c.reasons.map((x) => <span key={x} className="badge overdue">{t(`recovery:candidateReason.${x}`)}</span>)}</td>
                <td>
                  <div>{t('recovery:candidates.lastPurchase', { date: fmt.date(c.lastPurchase) })} ({t('recovery:candidates.daysAgo', { count: c.daysSinceLastPurchase })})</div>
                  <div className="muted">
                    {c.rhythmDays === null ? t('recovery:candidates.noRhythm') : t('recovery:candidates.rhythm', { days: fmt.number(c.rhythmDays, 1), after: fmt.number(c.overdueAfterDays, 1) })}
                  </div>
                </td>
                <td>
                  <div>{t('recovery:candidates.window', { days: s?.fallWindowDays ?? '', recent: fmt.money(c.revenueRecent), before: fmt.money(c.revenueYearBefore) })}</div>
                  {c.change !== null && <div className={c.reasons.includes('fell') ? 'overdue' : 'muted'}>{t('recovery:candidates.change', { change: fmt.percent(c.change) })}</div>}
                  <div className="muted">{t('recovery:candidates.revenue12m', { value: fmt.money(c.revenue12m), previous: fmt.money(c.revenuePrevious12m) })}</div>
                </td>
                <td><Sparkline c={c} /></td>
                <td><button type="button" onClick={() => setMarking(c)}>{t('recovery:candidates.markLost')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {marking && <MarkLostDialog clientId={marking.clientId} name={marking.name} proposedAs={marking.reasons[0]} onClose={() => setMarking(null)} />}
    </section>
  );
}
