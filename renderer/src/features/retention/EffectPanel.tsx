import type { WindowFigures } from '../../../../shared/features/retention/types';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';

/** Members before and after joining, against comparable non-members over the same windows. */
export function EffectPanel({ programmeId }: { programmeId: number }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const q = useQuery('retention.programmeEffect', { programmeId });
  const e = q.data;
  if (!e) return null;
  const row = (label: string, f: (w: WindowFigures) => string) => (
    <tr>
      <th>{label}</th>
      <td className="num">{f(e.joined.before)}</td><td className="num">{f(e.joined.after)}</td>
      <td className="num">{f(e.others.before)}</td><td className="num">{f(e.others.after)}</td>
    </tr>
  );
  return (
    <section className="settings-block" data-testid="effect">
      <h3>{t('retention:loyalty.effect')}</h3>
      <p className="muted">{t('retention:loyalty.effectLead', { days: e.windowDays })}</p>
      <p>{t('retention:loyalty.measured', { measured: e.measured, members: e.members, days: e.windowDays })}</p>
      {e.measured === 0 ? <p className="muted">{t('retention:loyalty.notYet')}</p> : (
        <>
          <table className="table">
            <thead>
              <tr><th /><th colSpan={2}>{t('retention:loyalty.joined')}</th><th colSpan={2}>{t('retention:loyalty.others')}</th></tr>
              <tr><th /><th>{t('retention:loyalty.before')}</th><th>{t('retention:loyalty.after')}</th><th>{t('retention:loyalty.before')}</th><th>{t('retention:loyalty.after')}</th></tr>
            </thead>
            <tbody>
              {row(t('retention:loyalty.repeatRate'), (w) => fmt.percent(w.repeatRate))}
              {row(t('retention:loyalty.revenuePerClient'), (w) => fmt.money(w.revenuePerClient))}
            </tbody>
          </table>
          <p data-testid="lift">
            {t(e.revenueLift >= 0 ? 'retention:loyalty.liftRevenue' : 'retention:loyalty.liftRevenueNegative', { value: fmt.money(Math.abs(e.revenueLift)) })}{' '}
            {t('retention:loyalty.liftRepeat', { value: `${e.repeatLift > 0 ? '+' : ''}${fmt.number(e.repeatLift * 100, 1)}` })}
          </p>
        </>
      )}
    </section>
  );
}
