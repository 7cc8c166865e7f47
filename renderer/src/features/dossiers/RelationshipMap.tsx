import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { relationshipGraphOption, type Person } from '../../../../shared/features/dossiers/people';
import { useT } from '../../lib/i18n';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The relationship map: colour = stance, size = influence, solid arrows = reports to, dashed = influences. */
export function RelationshipMap({ people }: { people: Person[] }) {
  const { t } = useT();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const option = useMemo(
    () =>
      relationshipGraphOption(people, {
        stance: (s) => t(`dossiers:stance.${s}`),
        level: (l) => t(`accounts:level.${l}`),
        reportsTo: t('dossiers:people.reportsToEdge'),
        influences: t('dossiers:people.influencesEdge'),
      }),
    [people, t],
  );
  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option as echarts.EChartsCoreOption, { notMerge: true });
  }, [option]);
  return <div ref={el} className="relationship-map" data-testid="relationship-map" />;
}
