import { useQuery } from '../../lib/useQuery';
import { useT } from '../../lib/i18n';

/** The number of things due today, beside "Today" in the sidebar. */
export function TodayBadge() {
  const { t } = useT();
  const count = useQuery('retention.todayCount', {});
  if (!count.data) return null;
  return <span className="badge" style={{ background: '#dbe6ff', color: '#1b3a8a' }} title={t('retention:today.title', { date: '' })} data-testid="today-badge">{count.data}</span>;
}
