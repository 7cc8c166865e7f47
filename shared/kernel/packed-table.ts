/**
 * Rows as columns for IPC. A worker's message, and Electron's IPC after it,
 * is deserialised value by value: 33,000 call-list rows of 21 fields took
 * ≈100 ms to serialise and ≈130 ms to read back on each hop. Typed arrays
 * and one string per text column cross as a few memory copies.
 */

/** Strings end to end in one text, each ending where `end` says: exact for any text, NULs and separators included. */
export interface PackedStrings {
  text: string;
  end: Uint32Array;
}

export function packStrings(values: readonly string[]): PackedStrings {
  const end = new Uint32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) end[i] = at += values[i].length;
  return { text: values.join(''), end };
}

export function unpackStrings(p: PackedStrings): string[] {
  const out: string[] = new Array(p.end.length);
  let from = 0;
  for (let i = 0; i < p.end.length; i++) out[i] = p.text.slice(from, (from = p.end[i]));
  return out;
}

/** Distinct values numbered in the order they come; null is -1. */
export function dictionary() {
  const values: string[] = [];
  const at = new Map<string, number>();
  return {
    values,
    index(v: string | null): number {
      if (v === null) return -1;
      let i = at.get(v);
      if (i === undefined) at.set(v, (i = values.push(v) - 1));
      return i;
    },
  };
}

/**
 * How a field crosses: `number` (number or null; null as NaN, which JSON
 * data never holds), `text` (mostly distinct strings or null), `dict` (few
 * distinct strings or null), `bool`, `json` (any JSON value, few distinct:
 * each distinct value is parsed once and shared by the rows that hold it).
 */
export type ColumnKind = 'number' | 'text' | 'dict' | 'bool' | 'json';
export type TableSpec<R> = { readonly [K in keyof R]-?: ColumnKind };

type PackedColumn =
  | { kind: 'number'; values: Float64Array }
  | { kind: 'text'; values: PackedStrings; nulls: Uint8Array }
  | { kind: 'dict' | 'json'; index: Int32Array; values: string[] }
  | { kind: 'bool'; values: Uint8Array };

/** `R` only types the rows unpackTable gives back. */
export interface PackedTable<R> {
  count: number;
  columns: Record<string, PackedColumn>;
  /** Never set: carries the row type. */
  readonly rowType?: R;
}

export function packTable<R extends object>(rows: readonly R[], spec: TableSpec<R>): PackedTable<R> {
  const n = rows.length;
  const columns: Record<string, PackedColumn> = {};
  for (const [field, kind] of Object.entries(spec) as [string, ColumnKind][]) {
    const cell = (i: number) => (rows[i] as Record<string, unknown>)[field];
    if (kind === 'number') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = (cell(i) as number | null) ?? NaN;
      columns[field] = { kind, values };
    } else if (kind === 'text') {
      const nulls = new Uint8Array(n);
      const texts: string[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const v = cell(i) as string | null;
        nulls[i] = v === null ? 1 : 0;
        texts[i] = v ?? '';
      }
      columns[field] = { kind, values: packStrings(texts), nulls };
    } else if (kind === 'bool') {
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) values[i] = cell(i) ? 1 : 0;
      columns[field] = { kind, values };
    } else {
      const d = dictionary();
      const index = new Int32Array(n);
      for (let i = 0; i < n; i++) index[i] = d.index(kind === 'json' ? JSON.stringify(cell(i) ?? null) : (cell(i) as string | null));
      columns[field] = { kind, index, values: d.values };
    }
  }
  return { count: n, columns };
}

export function unpackTable<R>(t: PackedTable<R>): R[] {
  const fields = Object.keys(t.columns);
  // Every row a copy of one template with every field: one object shape for all of them.
  const template: Record<string, unknown> = {};
  for (const f of fields) template[f] = null;
  const rows: Record<string, unknown>[] = new Array(t.count);
  for (let i = 0; i < t.count; i++) rows[i] = { ...template };
  for (const f of fields) {
    const c = t.columns[f];
    if (c.kind === 'number') {
      for (let i = 0; i < t.count; i++) rows[i][f] = c.values[i] !== c.values[i] ? null : c.values[i];
    } else if (c.kind === 'text') {
      const texts = unpackStrings(c.values);
      for (let i = 0; i < t.count; i++) rows[i][f] = c.nulls[i] ? null : texts[i];
    } else if (c.kind === 'bool') {
      for (let i = 0; i < t.count; i++) rows[i][f] = c.values[i] === 1;
    } else {
      const values = c.kind === 'json' ? c.values.map((v) => JSON.parse(v) as unknown) : c.values;
      for (let i = 0; i < t.count; i++) rows[i][f] = c.index[i] < 0 ? null : values[c.index[i]];
    }
  }
  return rows as R[];
}
