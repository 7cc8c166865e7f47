import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { EChart } from '../../components/EChart';
import { revenueChartOption } from '../../../../shared/features/accounts/charts';
import type { ClientStory } from '../../../../shared/features/accounts/types';
import { dateLocale } from '../../../../shared/kernel/format';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

// SVG, not canvas: a client's chart is small, and its axis labels stay real text (readable, testable, selectable).
echarts.use([BarChart, GridComponent, TooltipComponent]);

/** The client's revenue by month or by year; every amount and month name through the user's locale. */
export function RevenueChart({ story }: { story: ClientStory }) {
  const { t } = useT();
  const { fmt, settings } = useSettings();
  const [by, setBy] = useState<'month' | 'year'>(story.months.length > 36 ? 'year' : 'month');

  const option = useMemo(() => {
    const compact = new Intl.NumberFormat(settings.locale, { style: 'currency', currency: settings.currency, notation: 'compact', maximumFractionDigits: 1 });
    const month = new Intl.DateTimeFormat(dateLocale(settings.locale, settings.calendar), { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const year = new Intl.DateTimeFormat(dateLocale(settings.locale, settings.calendar), { year: 'numeric', timeZone: 'UTC' });
    const points = by === 'month' ? story.months.map((m) => ({ key: m.month, revenue: m.revenue })) : story.years.map((y) => ({ key: y.year, revenue: y.revenue }));
    return revenueChartOption(points, {
      revenue: t('accounts:story.revenue'),
      money: (n) => fmt.money(n),
      axis: (n) => compact.format(n),
      category: (key) => (key.length === 7 ? month.format(new Date(`${key}-01T00:00:00Z`)) : year.format(new Date(`${key}-07-01T00:00:00Z`))),
    });
  }, [by, story, fmt, settings, t]);

  return (
    <section className="story-block" aria-label={t('accounts:story.chart')}>
      <header className="story-block-header">
        <h3>{t('accounts:story.chart')}</h3>
        {story.months.length > 0 && (
          <div className="segmented" role="group" aria-label={t('accounts:story.chart')}>
            <button type="button" aria-pressed={by === 'month'} className={by === 'month' ? 'active' : ''} onClick={() => setBy('month')}>{t('accounts:story.byMonth')}</button>
            <button type="button" aria-pressed={by === 'year'} className={by === 'year' ? 'active' : ''} onClick={() => setBy('year')}>{t('accounts:story.byYear')}</button>
          </div>
        )}
      </header>
      {story.months.length === 0 ? (
        <p className="muted">{t('accounts:story.noChart')}</p>
      ) : (
        <EChart option={option as EChartsOption} renderer="svg" height={240} testId="revenue-chart" data={{ by, points: by === 'month' ? story.months.length : story.years.length }} />
      )}
    </section>
  );
}
