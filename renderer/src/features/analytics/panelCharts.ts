import type { EChartsOption } from 'echarts';
import type { WalletRow } from '../../../../shared/features/analytics/types';
import type { Formatters } from '../../../../shared/kernel/format';
import type { KamGridRow } from './accountColumns';

export const GAP_BARS = 15;

/** The largest wallet gaps: what each client buys from us and, stacked on it, what it buys elsewhere. */
export function walletGapOption(rows: WalletRow[], fmt: Formatters, labels: { ours: string; gap: string }): EChartsOption {
  const top = rows.slice(0, GAP_BARS).reverse();
  return {
    animation: false,
    grid: { left: 180, right: 30, top: 30, bottom: 30 },
    legend: { top: 0, data: [labels.ours, labels.gap] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => fmt.money(Number(v)) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.number(v, 0) } },
    yAxis: { type: 'category', data: top.map((w) => w.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      { name: labels.ours, type: 'bar', stack: 'wallet', itemStyle: { color: '#1565c0' }, data: top.map((w) => ({ value: w.revenue, clientId: w.id })) },
      { name: labels.gap, type: 'bar', stack: 'wallet', itemStyle: { color: '#f9a825' }, data: top.map((w) => ({ value: w.gap, clientId: w.id })) },
    ],
  };
}

/** Key accounts per manager against the limit one manager can carry. */
export function kamOption(rows: KamGridRow[], max: number, labels: { accounts: string; limit: string }): EChartsOption {
  return {
    animation: false,
    grid: { left: 50, right: 30, top: 30, bottom: 70 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((k) => k.name), axisLabel: { rotate: 30, interval: 0, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: labels.accounts,
        type: 'bar',
        data: rows.map((k) => ({ value: k.keyAccounts, itemStyle: { color: k.overLimit ? '#c62828' : '#1565c0' } })),
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#c62828' }, label: { formatter: labels.limit, position: 'insideEndTop' }, data: [{ yAxis: max }] },
      },
    ],
  };
}
