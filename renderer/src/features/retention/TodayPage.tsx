import { TODAY_GROUPS } from '../../../../shared/features/retention/enums';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { TodayItemCard } from './TodayItemCard';

/** Everything due or overdue today, grouped, each with what to know before acting. */
export function TodayPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const q = useQuery('retention.today', {});
  const d = q.data;
  return (
    <section className="page today-page">
      <header className="page-header"><h1>{t('retention:today.title', { date: d ? fmt.date(d.asOf) : '' })}</h1></header>
      {q.error && <div className="form-error" role="alert">{t('common:app.error', { message: q.error.message })}</div>}
      {d && TODAY_GROUPS.map((g) => (
        <section key={g} className="today-group" data-testid={`today-${g}`}>
          <h2>{t(`retention:today.groups.${g}`)} <span className="badge">{d.groups[g].total}</span></h2>
          {d.groups[g].total === 0 && <p className="muted">{t('retention:today.nothing')}</p>}
          <ul className="plain-list">
            {d.groups[g].items.map((item) => <TodayItemCard key={item.key} item={item} asOf={d.asOf} />)}
          </ul>
          {d.groups[g].total > d.groups[g].items.length && <p className="muted">{t('retention:today.more', { count: d.groups[g].total - d.groups[g].items.length })}</p>}
        </section>
      ))}
    </section>
  );
}
