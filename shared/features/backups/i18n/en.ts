/** English, the reference language: every other language has exactly these keys. */
export const en = {
  title: 'Backups',
  lead: 'Rapport keeps verified copies of the database in {{folder}}: one a day, and one before every import, undo, upgrade and restore.',
  keep: 'Backups to keep',
  now: 'Back up now',
  made: 'Backup {{name}} made and verified.',
  none: 'No backups yet.',
  restore: 'Restore',
  confirmRestore: 'Restore the backup from {{date}}? The current data is backed up first and can be restored again.',
  restored: 'Restored. The data before the restore was kept as {{aside}}. Reloading…',
  reasons: {
    daily: 'Daily',
    import: 'Before an import',
    undo: 'Before an undo',
    migration: 'Before an upgrade',
    manual: 'Made by hand',
    'before-restore': 'Before a restore',
  },
  errors: {
    keepMin: 'Keep at least 1 backup',
    keepMax: 'Keep at most 100 backups',
    waitForWork: 'Wait until the running work (an import, export or backup) has finished, then restore.',
    notHere: 'Restoring is not available here.',
    noSuchBackup: 'There is no backup named {{name}}.',
    cannotRestore: 'The backup {{name}} cannot be restored (it is damaged or unreadable). Nothing was changed; choose another backup.',
  },
};
