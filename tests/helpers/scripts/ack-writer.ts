/**
 * A stand-in for the app's main process under stress: it opens the database
 * as the app does and makes writes through the real router, printing one line
 * per answer. The parent test kills it, fills its disk, and then checks that
 * every write answered "ok" is in the file.
 *   ack-writer.ts DB COUNT
 * prints `ack clients <id> <name>` / `ack purchases <id> <clientId>` / `fail <code>`.
 */
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { createHandlers } from '../../../electron/app';
import { createRouter } from '../../../electron/router';

const [dbPath, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 200);

async function main(): Promise<void> {
  const db = openDatabase(dbPath, findMigrationsFolder(), { quickCheck: false });
  const router = createRouter(db, createHandlers({ version: 'ack-writer' }), { log: () => {}, busyWaitMs: 2000 });
  let clientId: number | null = null;
  for (let i = 0; i < count; i++) {
    const name = `Client ${process.pid}-${i}`;
    const c = await router.handle('clients.create', { name, notes: 'x'.repeat(1500) });
    if (!c.ok) {
      process.stdout.write(`fail ${c.error.code}\n`);
      continue;
    }
    clientId = (c.value as { id: number }).id;
    process.stdout.write(`ack clients ${clientId} ${name.slice(0, 30)}\n`);
    const p = await router.handle('purchases.create', { clientId, date: '2026-05-01', quantity: 2, unitPrice: 10.5, product: `P${i}`, description: 'y'.repeat(1500) });
    if (!p.ok) process.stdout.write(`fail ${p.error.code}\n`);
    else process.stdout.write(`ack purchases ${(p.value as { id: number }).id} ${clientId}\n`);
  }
  db.sqlite.close();
}

void main();
