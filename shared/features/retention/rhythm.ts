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

/**
 * The same rule over `days[from..to)` of a typed array, sorting the gaps in
 * `scratch` (at least to − from long): the pass over every client calls it
 * once per client and allocates nothing.
 */
export function rhythmOfRange(days: ArrayLike<number>, from: number, to: number, minOccasions: number, scratch: Float64Array): number | null {
  const n = to - from;
  if (n < minOccasions || n < 2) return null;
  const gaps = scratch.subarray(0, n - 1);
  for (let i = 1; i < n; i++) gaps[i - 1] = days[from + i] - days[from + i - 1];
  gaps.sort();
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}
