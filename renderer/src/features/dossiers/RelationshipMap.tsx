import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { EChart } from '../../components/EChart';
import { relationshipGraphOption, type Person } from '../../../../shared/features/dossiers/people';
import { useT } from '../../lib/i18n';

echarts.use([GraphChart, LegendComponent, TooltipComponent]);

/** The relationship map: colour = stance, size = influence, solid arrows = reports to, dashed = influences. */
export function RelationshipMap({ people }: { people: Person[] }) {
  const { t } = useT();
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
  return <EChart option={option as EChartsOption} className="relationship-map" testId="relationship-map" />;
}
