import type { BackupEntry } from '../../kernel/backups';

export { BACKUP_REASONS, type BackupEntry, type BackupReason } from '../../kernel/backups';

export interface BackupList {
  folder: string;
  keep: number;
  backups: BackupEntry[];
}

export type BackupJobOutcome = { task: 'backup'; backup: BackupEntry } | { task: 'restore'; restored: string; keptAside: string };
