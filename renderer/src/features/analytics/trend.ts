import type { EChartsOption } from 'echarts';
import { addDays } from '../../../../shared/kernel/dates';
import type { Period } from '../../../../shared/features/analytics/period';
import type { TrendPoint } from '../../../../shared/features/analytics/types';
import type { ScreenNumbers } from './localeNumbers';

/**
 * The months to draw. A period that ends before its last month is over (the
 * default one ends today) leaves that month with a few days of purchases,
 * which show as a spike in concentration: it is left out and named instead.
 * When it is the only month there is nothing better to show, so it stays.
 * (The engine will flag it as `partial`; until then the period says so.)
 */
export function completeMonths(trend: TrendPoint[], period: Period): { shown: TrendPoint[]; partial: TrendPoint | null } {
  const last = trend[trend.length - 1];
  const monthOver = addDays(period.to, 1).slice(0, 7) !== period.to.slice(0, 7);
  if (!last || monthOver || last.month !== period.to.slice(0, 7) || trend.length === 1) return { shown: trend, partial: null };
  return { shown: trend.slice(0, -1), partial: last };
}

export interface TrendLabels {
  top1: string;
  top3: string;
  top5: string;
  effective: string;
}

/** Top-1/3/5 shares (left axis, percent) and the effective number of clients, 1/HHI (right axis), month by month. */
export function trendOption(trend: TrendPoint[], nums: ScreenNumbers, labels: TrendLabels): EChartsOption {
  const line = (name: string, values: number[], yAxisIndex = 0) => ({ name, type: 'line' as const, symbolSize: 4, yAxisIndex, data: values });
  return {
    animation: false,
    grid: { left: 60, right: 60, top: 40, bottom: 40 },
    legend: { top: 5, data: [labels.top1, labels.top3, labels.top5, labels.effective] },
    tooltip: {
      trigger: 'axis',
      formatter: (ps) => {
        const list = Array.isArray(ps) ? ps : [ps];
        const rows = list.map((p) => `${p.marker ?? ''}${p.seriesName}: ${p.seriesIndex === 3 ? nums.fixed(Number(p.value), 1) : nums.wholePercent(Number(p.value))}`);
        const month = trend[list[0]?.dataIndex ?? -1]?.month;
        return [month ? nums.monthLong(month) : '', ...rows].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: trend.map((t) => nums.month(t.month)) },
    yAxis: [
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => nums.wholePercent(v) } },
      { type: 'value', min: 0, name: labels.effective, axisLabel: { formatter: (v: number) => nums.fixed(v, 0) }, splitLine: { show: false } },
    ],
    series: [
      line(labels.top1, trend.map((t) => t.top1Share)),
      line(labels.top3, trend.map((t) => t.top3Share)),
      line(labels.top5, trend.map((t) => t.top5Share)),
      line(labels.effective, trend.map((t) => Math.round(t.effectiveClients * 10) / 10), 1),
    ],
  };
}
