import type { ConvertedRow } from '../../../shared/features/import/convert';
import type { ImportSummary, RowAction } from '../../../shared/features/import/types';
import type { Message } from '../../../shared/i18n/messages';
import type { JobProgress } from '../../../shared/jobs/types';
import type { RawRow } from '../../../shared/features/import/table';

// The row handlers and the pass that drives them share these; in their own file so neither imports the other.

export interface RunHooks {
  onProgress?: (p: JobProgress) => void;
  isCancelled?: () => boolean;
  /** Each rejected row of the file with its reason (for the file of rejected rows to fix). */
  onRejected?: (raw: RawRow, reason: Message) => void;
}

/** What a row handler decides for one converted row; `write` runs only when the import is committed. */
export interface RowOutcome {
  action: RowAction;
  /** Why a row is rejected (import:reasons.*), or a note on a row that is not. */
  reason?: Message;
  quantity?: number;
  amount?: number;
  credit?: boolean;
  /** An optional value could not be used and was left out; the row itself was kept. */
  leftOut?: boolean;
}

export interface RowHandler {
  handle(row: ConvertedRow, write: boolean): RowOutcome;
  /** Counters only the handler knows (clients created, unknown keys). */
  counts(): { clientsCreated: number; unknownClients: number };
  /** Writes anything still queued. */
  flush?(): void;
  /** After flush: what only the whole file tells (a long file's repeats), into the summary and the database. */
  finish?(summary: ImportSummary, isCancelled: () => boolean): void;
  /** Frees what the handler holds outside memory; runs however the pass ends. */
  close?(): void;
}

/**
 * Where a purchases pass sends what it writes: the database (importWriters),
 * or the thread that holds the write transaction (parallel.ts), which
 * creates the clients asked for in the order asked, with the ids `client`
 * returned.
 */
export interface PurchaseSink {
  client(v: { code: string | null; name: string }, importId: number): number;
  purchase(clientId: number, date: string, invoice: string | null, product: string | null, description: string | null, quantity: number, unitPrice: number | null, amount: number, currency: string | null): void;
  flush(): void;
  /** Takes back lines already written, by their place among this import's lines (0 for the first). */
  drop(lines: number[]): void;
}

export interface RunOptions {
  write: boolean;
  importId: number | null;
  createClients: boolean;
  dropIdentical: boolean;
  previewRows?: number;
  /** Purchases only: write through this instead of into the database. */
  sink?: PurchaseSink;
}
