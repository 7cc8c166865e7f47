import type { CliCommand } from '../../cli/command';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { listClientRows } from './clients';

export const accountsCommands: CliCommand[] = [
  {
    name: 'clients',
    usage: ['clients --db FILE [--json] [--as-of YYYY-MM-DD] [--include-archived]'],
    options: { 'include-archived': { type: 'boolean', default: false } },
    run({ db: file, values, asOf, json, out }) {
      const db = openDatabase(file, findMigrationsFolder());
      try {
        const rows = listClientRows(db, { asOf, includeArchived: values['include-archived'] === true });
        if (json) out(JSON.stringify(rows) + '\n');
        else for (const r of rows) out(`${r.code ?? ''}\t${r.name}\t${r.revenue12m.toFixed(2)}\t${(r.share12m * 100).toFixed(1)}%\t${r.lastPurchase ?? ''}\n`);
      } finally {
        db.sqlite.close();
      }
      return 0;
    },
  },
];
