import type { ConvertedRow } from '../../../shared/features/import/convert';
import type { RowAction } from '../../../shared/features/import/types';
import type { Message } from '../../../shared/i18n/messages';
import type { JobProgress } from '../../../shared/jobs/types';

// The row handlers and the pass that drives them share these; in their own file so neither imports the other.

export interface RunHooks {
  onProgress?: (p: JobProgress) => void;
  isCancelled?: () => boolean;
}

/** What a row handler decides for one converted row; `write` runs only when the import is committed. */
export interface RowOutcome {
  action: RowAction;
  /** Why a row is rejected (import:reasons.*), or a note on a row that is not. */
  reason?: Message;
  quantity?: number;
  amount?: number;
  credit?: boolean;
}

export interface RowHandler {
  handle(row: ConvertedRow, write: boolean): RowOutcome;
  /** Counters only the handler knows (clients created, unknown keys). */
  counts(): { clientsCreated: number; unknownClients: number };
  /** Writes anything still queued. */
  flush?(): void;
}

export interface RunOptions {
  write: boolean;
  importId: number | null;
  createClients: boolean;
  dropIdentical: boolean;
  previewRows?: number;
}
