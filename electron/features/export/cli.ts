import { UsageError, type CliCommand, str } from '../../cli/command';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { exportClientsFile } from './grids';

export const exportCommands: CliCommand[] = [
  {
    name: 'export',
    usage: ['export clients --db FILE --out FILE.xlsx'],
    kinds: ['clients'],
    options: { out: { type: 'string' } },
    check: ({ values }) => {
      if (!str(values.out)) throw new UsageError('--out FILE.xlsx is required');
    },
    async run({ db: file, values, asOf, json, out }) {
      const db = openDatabase(file, findMigrationsFolder());
      try {
        const r = await exportClientsFile(db, str(values.out)!, { asOf });
        out(json ? JSON.stringify(r) + '\n' : `Wrote ${r.rows} clients to ${values.out}\n`);
        return 0;
      } finally {
        db.sqlite.close();
      }
    },
  },
];
