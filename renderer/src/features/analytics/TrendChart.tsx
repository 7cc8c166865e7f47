import { useMemo } from 'react';
import type { AnalyticsReport } from '../../../../shared/features/analytics/types';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { EChart } from './EChart';
import { screenNumbers } from './localeNumbers';
import { completeMonths, trendOption } from './trend';

/** Concentration month by month, without the month that is not over yet (named below the chart). */
export function TrendChart({ r }: { r: AnalyticsReport }) {
  const { t } = useT();
  const { fmt, settings } = useSettings();
  const { shown, partial } = useMemo(() => completeMonths(r.trend, r.period), [r.trend, r.period]);
  const option = useMemo(
    () => trendOption(shown, screenNumbers(settings), { top1: t('analytics:top1'), top3: t('analytics:top3'), top5: t('analytics:top5'), effective: t('analytics:chart.effective') }),
    [shown, settings, t],
  );
  return (
    <>
      <EChart option={option} height={280} testId="trend-chart" />
      {partial && <p className="muted" data-testid="trend-partial">{t('analytics:trendPartial', { month: screenNumbers(settings).monthLong(partial.month), date: fmt.date(r.period.to) })}</p>}
    </>
  );
}
