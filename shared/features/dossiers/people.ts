import type { ContactLevel } from '../accounts';

/** Where a person stands toward us, from our best ally to someone working against us. */
export const STANCES = ['champion', 'supporter', 'neutral', 'sceptic', 'opponent'] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_COLOURS: Record<Stance | 'unknown', string> = {
  champion: '#1b7f3b',
  supporter: '#7cb342',
  neutral: '#90a4ae',
  sceptic: '#f9a825',
  opponent: '#c62828',
  unknown: '#cfd8dc',
};

export const MAX_INFLUENCE = 10;

/** One of the client's contacts with what the dossier knows about them. */
export interface Person {
  contactId: number;
  name: string;
  level: ContactLevel;
  role: string | null;
  reportsToId: number | null;
  stance: Stance | null;
  influence: number | null;
  /** People this one influences informally (beside the reporting line). */
  influences: number[];
}

export interface RelationshipFlags {
  /** The account is known through one person only. */
  singleThreaded: boolean;
  /** Nobody at owner or executive level is a champion. */
  noChampionAtTop: boolean;
}

export function relationshipFlags(people: Person[]): RelationshipFlags {
  return {
    singleThreaded: people.length <= 1,
    noChampionAtTop: !people.some((p) => (p.level === 'owner' || p.level === 'executive') && p.stance === 'champion'),
  };
}

export interface GraphLabels {
  stance: (s: Stance | 'unknown') => string;
  level: (l: ContactLevel) => string;
  reportsTo: string;
  influences: string;
}

/**
 * The relationship map as an ECharts graph: one node per person (colour =
 * stance, size = influence), solid arrows for reports-to, dashed for
 * informal influence. People are placed in rows by level, owner on top.
 */
export function relationshipGraphOption(people: Person[], labels: GraphLabels): Record<string, unknown> {
  const LEVELS: ContactLevel[] = ['owner', 'executive', 'finance', 'purchasing', 'staff'];
  const rows = new Map<ContactLevel, Person[]>();
  for (const p of people) rows.set(p.level, [...(rows.get(p.level) ?? []), p]);
  const ids = new Set(people.map((p) => p.contactId));
  const categories = [...STANCES, 'unknown' as const];
  const nodes = people.map((p) => {
    const row = rows.get(p.level)!;
    const rowIndex = LEVELS.indexOf(p.level);
    const k = row.indexOf(p);
    const stance = p.stance ?? 'unknown';
    return {
      id: String(p.contactId),
      name: p.name,
      x: ((k + 1) / (row.length + 1)) * 1000,
      y: rowIndex * 160,
      symbolSize: 18 + (p.influence ?? 3) * 4,
      category: categories.indexOf(stance),
      itemStyle: { color: STANCE_COLOURS[stance] },
      value: p.influence ?? 0,
      label: { show: true, formatter: `${p.name}\n${p.role ?? labels.level(p.level)}` },
    };
  });
  const edges = [
    ...people.filter((p) => p.reportsToId !== null && ids.has(p.reportsToId)).map((p) => ({
      source: String(p.contactId), target: String(p.reportsToId), name: labels.reportsTo,
      lineStyle: { type: 'solid', width: 2, color: '#455a64' },
    })),
    ...people.flatMap((p) => p.influences.filter((t) => ids.has(t)).map((t) => ({
      source: String(p.contactId), target: String(t), name: labels.influences,
      lineStyle: { type: 'dashed', width: 1.5, color: '#8e24aa', curveness: 0.2 },
    }))),
  ];
  return {
    animation: false,
    tooltip: { formatter: (x: { dataType?: string; name?: string; data?: { name?: string } }) => (x.dataType === 'edge' ? (x.data?.name ?? '') : (x.name ?? '')) },
    legend: [{ data: categories.map((c) => labels.stance(c)), bottom: 0 }],
    series: [
      {
        type: 'graph',
        layout: 'none',
        top: 30,
        bottom: 70,
        left: 60,
        right: 60,
        roam: true,
        draggable: true,
        categories: categories.map((c) => ({ name: labels.stance(c), itemStyle: { color: STANCE_COLOURS[c] } })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 9,
        label: { position: 'bottom', fontSize: 11, lineHeight: 14 },
        data: nodes,
        links: edges,
      },
    ],
  };
}
