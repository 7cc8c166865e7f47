import { z } from 'zod';

export const EXPORT_KINDS = ['text', 'integer', 'number', 'money', 'percent', 'date', 'boolean'] as const;

export const exportColumn = z.strictObject({
  header: z.string().max(200),
  kind: z.enum(EXPORT_KINDS),
});
export type ExportColumn = z.output<typeof exportColumn>;

/** A grid as the user sees it: visible columns in order, rows after filter and sort, values raw (numbers, ISO dates) or as shown (labels). */
export const gridExport = z.strictObject({
  title: z.string().min(1).max(200),
  fileName: z.string().min(1).max(200),
  filter: z.string().max(1000).default(''),
  columns: z.array(exportColumn).min(1).max(200),
  rows: z.array(z.array(z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]))).max(1_000_000),
});
export type GridExport = z.output<typeof gridExport>;

export type ExportJobOutcome =
  | { task: 'export'; path: string; rows: number }
  /** The key-accounts workbook: written to a file main keeps, fetched by its token (analytics.workbookFile). */
  | { task: 'workbook'; token: string; fileName: string; rows: number };
