import { renameSync } from 'node:fs';
import { createBackup, listBackups } from '../../db/backups';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { UsageError, type CliCommand } from '../../cli/command';
import { backupsToKeep, prepareRestore } from './service';

export const BACKUP_ACTIONS = ['list', 'create', 'restore'] as const;
export type BackupAction = (typeof BACKUP_ACTIONS)[number];

/**
 * `backup list` and `backup restore` work on a damaged file too: they read
 * only the backup folder, and a restore keeps the damaged file aside.
 */
async function backupCommand(dbPath: string, action: BackupAction, args: string[], json: boolean, out: (s: string) => void): Promise<number> {
  if (action === 'list') {
    const list = listBackups(dbPath);
    if (json) out(JSON.stringify(list) + '\n');
    else if (!list.length) out('No backups.\n');
    else for (const b of list) out(`${b.name}\t${b.reason}\t${b.createdAt}\t${b.size} bytes\n`);
    return 0;
  }
  if (action === 'create') {
    const db = openDatabase(dbPath, findMigrationsFolder());
    try {
      const b = await createBackup(db.sqlite, db.path, 'manual', backupsToKeep(db));
      out(json ? JSON.stringify(b) + '\n' : `Backup ${b.name} made and verified.\n`);
      return 0;
    } finally {
      db.sqlite.close();
    }
  }
  if (args.length !== 1) throw new UsageError('backup restore needs the backup NAME (see rapport backup list)');
  const { file } = prepareRestore(dbPath, args[0], findMigrationsFolder());
  const aside = `${dbPath}.before-restore-${Date.now()}`;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      renameSync(dbPath + suffix, aside + suffix);
    } catch {
      // a -wal or -shm that does not exist has nothing to keep
    }
  }
  renameSync(file, dbPath);
  out(json ? JSON.stringify({ restored: args[0], keptAside: aside }) + '\n' : `Restored ${args[0]}. The previous file is kept as ${aside}.\n`);
  return 0;
}

export const backupsCommands: CliCommand[] = [
  {
    name: 'backup',
    usage: ['backup list|create --db FILE [--json]', 'backup restore NAME --db FILE'],
    kinds: BACKUP_ACTIONS,
    positionals: true,
    run: ({ db, kind, positionals, json, out }) => backupCommand(db, kind as BackupAction, positionals, json, out),
  },
];
