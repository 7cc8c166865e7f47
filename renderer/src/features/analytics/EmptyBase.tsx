import type { Period } from '../../../../shared/features/analytics/period';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { CLIENTS_PATH } from '../accounts';

/**
 * No revenue to analyse: on an empty base, how to begin; on a base whose
 * period or scope holds no purchases, where the figures would come from.
 */
export function EmptyBase({ period }: { period: Period }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const info = useQuery('app.info', {}).data;
  if (!info) return null;
  const empty = info.clientCount === 0;
  return (
    <section className="empty-base" data-testid="analytics-empty">
      <h2>{empty ? t('analytics:begin.emptyTitle') : t('analytics:noRevenue')}</h2>
      <p>{empty ? t('analytics:begin.emptyBase') : t('analytics:begin.noPurchases', { from: fmt.date(period.from), to: fmt.date(period.to) })}</p>
      <p className="empty-actions">
        <a className="button primary" href={href('import')}>{t('analytics:begin.import')}</a>
        <a className="button" href={href(CLIENTS_PATH)}>{t('analytics:begin.clients')}</a>
      </p>
    </section>
  );
}
