/** What every benchmark gets: the base's size and the date it is measured at. */
export interface BenchContext {
  asOf: string;
  clients: number;
  purchases: number;
  /** Rows the clients grid showed (set by the accounts bench, read by the renderer's). */
  rows?: number;
}

export const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}
