/** Chart options for the client page: pure, so a test can read them without a browser. */

export interface RevenueChartLabels {
  revenue: string;
  /** Formats an axis or tooltip amount in the user's locale and currency. */
  money: (n: number) => string;
  /** Formats a shorter axis amount (no decimals). */
  axis: (n: number) => string;
  /** A category's label ('2026-03' → "Mar 2026"). */
  category: (key: string) => string;
}

/**
 * Revenue per month or per year as bars. The amounts on the axis and in the
 * tooltip go through the caller's locale formatters, never ECharts' own.
 */
export function revenueChartOption(points: { key: string; revenue: number }[], labels: RevenueChartLabels) {
  return {
    animation: false,
    grid: { left: 90, right: 20, top: 20, bottom: 50 },
    tooltip: {
      trigger: 'axis' as const,
      valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.money(v) : String(v ?? '')),
    },
    xAxis: {
      type: 'category' as const,
      data: points.map((p) => labels.category(p.key)),
      axisLabel: { interval: 'auto' as const, hideOverlap: true },
    },
    yAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => labels.axis(v) } },
    series: [
      {
        name: labels.revenue,
        type: 'bar' as const,
        data: points.map((p) => ({ value: Math.round(p.revenue * 100) / 100, itemStyle: p.revenue < 0 ? { color: '#c62828' } : undefined })),
        itemStyle: { color: '#1565c0' },
      },
    ],
  };
}
