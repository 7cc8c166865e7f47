/**
 * A client's own buying rhythm: the median number of days between its
 * purchase occasions (one occasion per client per day). Null until there are
 * at least `minOccasions` occasions; too little history says nothing.
 * `days` are day numbers (days since an epoch), ascending and distinct.
 */
export function rhythmDays(days: readonly number[], minOccasions = 3): number | null {
  if (days.length < minOccasions) return null;
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(days[i] - days[i - 1]);
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}
