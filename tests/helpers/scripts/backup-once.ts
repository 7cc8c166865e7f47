/** backup-once.ts DB: prints "start", makes one verified backup as the app does, prints "done NAME". A test kills it in between. */
import { createBackup } from '../../../electron/db/backups';
import { openConnection } from '../../../electron/db/connection';

const [dbPath] = process.argv.slice(2);
const sqlite = openConnection(dbPath);
process.stdout.write('start\n');
void createBackup(sqlite, dbPath, 'manual', 100).then((b) => {
  process.stdout.write(`done ${b.name}\n`);
  sqlite.close();
});
