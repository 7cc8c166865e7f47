import { positiveInt, UsageError, type CliCommand, str } from '../../cli/command';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { generateDemo } from './demo/generate';
import { DEMO_SEEDS } from '../../demo-seeds';

export const settingsCommands: CliCommand[] = [
  {
    name: 'demo',
    usage: ['demo --db FILE [--clients N] [--purchases N] [--seed S] [--as-of YYYY-MM-DD]'],
    options: { clients: { type: 'string' }, purchases: { type: 'string' }, seed: { type: 'string' } },
    run({ db: file, values, asOf, json, out }) {
      const clients = positiveInt(str(values.clients), 'clients', 200)!;
      const purchases = positiveInt(str(values.purchases), 'purchases');
      const seed = values.seed === undefined ? 42 : Number(values.seed);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
      const db = openDatabase(file, findMigrationsFolder());
      try {
        const summary = generateDemo(db, {
          clients, purchases, seed, asOf, seeds: DEMO_SEEDS,
          onProgress: (done, total) => process.stderr.write(`\rpurchases ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
        });
        process.stderr.write('\n');
        out(json ? JSON.stringify(summary) + '\n' : `Generated ${summary.clients} clients, ${summary.contacts} contacts, ${summary.purchases} purchase lines in ${summary.seconds.toFixed(2)} s\n`);
      } finally {
        db.sqlite.close();
      }
      return 0;
    },
  },
];
