/** The quarter a date falls in, as its first month: 2025-08-14 → 2025-07. */
export function quarterOf(iso: string): string {
  const m = Number(iso.slice(5, 7));
  return `${iso.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}`;
}

/** The last month of a quarter given by its first: 2025-07 → 2025-09. */
export function quarterEnd(first: string): string {
  const m = Number(first.slice(5, 7)) + 2;
  return `${first.slice(0, 4)}-${String(m).padStart(2, '0')}`;
}
