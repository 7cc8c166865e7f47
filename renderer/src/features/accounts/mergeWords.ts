import type { Formatters } from '../../../../shared/kernel/format';
import type { T } from '../../lib/i18n';

type Counted = 'purchases' | 'contacts' | 'interactions' | 'tasks' | 'referred' | 'other';

/**
 * Row counts per table ("purchases": 12, "dossiers": 1) in words: the
 * accounts' own tables by name, the clients it referred, and every other
 * feature's rows together as "other records".
 */
export function countsInWords(t: T, fmt: Formatters, counts: Record<string, number>): string {
  const sums: Record<Counted, number> = { purchases: 0, contacts: 0, interactions: 0, tasks: 0, referred: 0, other: 0 };
  for (const [table, n] of Object.entries(counts)) {
    if (table === 'purchases' || table === 'contacts' || table === 'interactions' || table === 'tasks') sums[table] += n;
    else if (table === 'clients.referred_by_id') sums.referred += n;
    else sums.other += n;
  }
  return (Object.keys(sums) as Counted[])
    .filter((k) => sums[k] > 0)
    .map((k) => t(`accounts:duplicates.what.${k}`, { count: sums[k], n: fmt.number(sums[k], 0) }))
    .join(', ');
}
