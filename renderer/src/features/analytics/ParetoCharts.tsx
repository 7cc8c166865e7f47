import { useMemo } from 'react';
import type { AnalyticsReport } from '../../../../shared/features/analytics/types';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { clientPath } from '../accounts';
import { EChart } from './EChart';
import { screenNumbers } from './localeNumbers';
import { lorenzOption, topClientsOption, TOP_BARS } from './paretoCharts';

/** The cumulative curve over every client with the 80% point marked, and bars for the largest clients only. */
export function ParetoCharts({ r }: { r: AnalyticsReport }) {
  const { t } = useT();
  const { fmt, settings } = useSettings();
  const options = useMemo(() => {
    const nums = screenNumbers(settings);
    const n = r.rows.length;
    const k = r.pareto.clientsFor80;
    const tip = (clients: string, revenue: string) => t('analytics:chart.curveTip', { clients, revenue });
    return {
      curve: lorenzOption(r.rows, k, nums, {
        clients: t('analytics:chart.clientsAxis'),
        revenue: t('analytics:chart.revenueAxis'),
        mark: k && n ? tip(nums.wholePercent(k / n), nums.wholePercent(r.rows[k - 1].cumulativeShare)) : '',
        tooltip: tip,
      }),
      bars: topClientsOption(r.rows, fmt, { revenue: t('analytics:revenue') }),
    };
  }, [r, t, fmt, settings]);
  return (
    <div className="pareto-charts">
      <figure>
        <figcaption>{t('analytics:chart.curve')}</figcaption>
        <EChart option={options.curve} height={340} testId="pareto-chart" />
      </figure>
      <figure>
        <figcaption>{t('analytics:chart.topBars', { count: Math.min(TOP_BARS, r.rows.length), n: fmt.number(Math.min(TOP_BARS, r.rows.length), 0) })}</figcaption>
        <EChart option={options.bars} height={340} testId="pareto-top-chart" onItemClick={(d) => { const id = (d as { clientId?: number | null })?.clientId; if (id) navigate(clientPath(id)); }} />
      </figure>
    </div>
  );
}
