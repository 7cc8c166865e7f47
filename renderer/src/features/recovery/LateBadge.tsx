import { useQuery } from '../../lib/useQuery';
import { useT } from '../../lib/i18n';

/** Beside "Lost accounts" in the sidebar: open cases past their meeting target. */
export function LateBadge() {
  const { t } = useT();
  const cases = useQuery('recovery.cases', { includeClosed: false });
  const late = (cases.data ?? []).filter((c) => c.meetingOverdue).length;
  if (late === 0) return null;
  return <span className="badge" style={{ background: 'var(--danger)', color: '#fff' }} title={t('recovery:cases.overdueCount', { count: late })} data-testid="late-badge">{late}</span>;
}
