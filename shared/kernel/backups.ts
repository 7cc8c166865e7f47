/** Why a rolling backup was made; part of its file name. */
export const BACKUP_REASONS = ['daily', 'import', 'undo', 'migration', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** One rolling backup, as the Settings page lists it. */
export interface BackupEntry {
  /** The file name inside the backup folder; what a restore names. */
  name: string;
  /** Sequence number: the order never depends on the clock. */
  seq: number;
  reason: BackupReason;
  /** When it was made, as the clock said then (for display only). */
  createdAt: string;
  size: number;
}
