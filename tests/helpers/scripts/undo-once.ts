/**
 * undo-once.ts DB ID: prints "start", undoes import ID in one transaction as
 * the app does, prints "done". A test kills it in between. It loads only the
 * undo itself, so it starts quickly.
 */
import { openConnection, wrap } from '../../../electron/db/connection';
import { inTransaction } from '../../../electron/db/transaction';
import { applyUndo } from '../../../electron/features/import/undo';

const [dbPath, id] = process.argv.slice(2);
const db = wrap(openConnection(dbPath), dbPath);
process.stdout.write('start\n');
const r = inTransaction(db, () => applyUndo(db, Number(id)));
process.stdout.write(`done ${r.purchases}\n`);
db.sqlite.close();
