/**
 * encrypt-once.ts DB KEY: prints "start", encrypts the plain database DB in
 * place as the app does (verified backup, copy, rename), prints "done". A
 * test kills it at random moments in between. It loads only the encryption
 * and its own tasks (not every feature's), so it starts quickly.
 */
import { openConnection, wrap } from '../../../electron/db/connection';
import { jobRegistry } from '../../../electron/jobs/registry';
import { encryptInPlace, type PrivacyTaskRunner } from '../../../electron/features/privacy/encrypt';
import { privacyTasks } from '../../../electron/features/privacy/tasks';

const [dbPath, key] = process.argv.slice(2);
const db = wrap(openConnection(dbPath), dbPath);
const runTask: PrivacyTaskRunner = (d, name, args, ctl) => privacyTasks[name](d, args as never, ctl) as never;
process.stdout.write('start\n');
jobRegistry().start(async (ctl) => {
  const r = await encryptInPlace(db, key, ctl, { runTask, keep: 100 });
  process.stdout.write(`done ${r.backup}\n`);
  db.sqlite.close();
}, 'backup');
