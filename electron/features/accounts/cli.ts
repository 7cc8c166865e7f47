import { positiveInt, UsageError, str, type CliCommand } from '../../cli/command';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { inTransaction } from '../../db/transaction';
import { listClientRows } from './clients';
import { findDuplicates } from './duplicates';
import { mergeClients } from './merge';

const counts = (c: Record<string, number>) => Object.entries(c).map(([table, n]) => `${n} ${table}`).join(', ') || 'nothing';

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
  {
    name: 'duplicates',
    usage: ['duplicates --db FILE [--json] [--limit N]'],
    options: { limit: { type: 'string' } },
    check: ({ values }) => void positiveInt(str(values.limit), 'limit'),
    run({ db: file, values, json, out }) {
      const limit = Math.min(1000, positiveInt(str(values.limit), 'limit', 200)!);
      const db = openDatabase(file, findMigrationsFolder());
      try {
        const report = findDuplicates(db, { limit });
        if (json) out(JSON.stringify(report) + '\n');
        else {
          for (const p of report.pairs) {
            out(`keep #${p.keep.id} ${p.keep.name}\tmerge #${p.merge.id} ${p.merge.name}\t${p.reasons.join(',')}\t${p.merge.purchases} purchases, ${p.merge.contacts} contacts to move\n`);
          }
          out(`${report.pairs.length} pairs among ${report.clients} active clients${report.more ? ` (${report.more} more not listed)` : ''}\n`);
        }
      } finally {
        db.sqlite.close();
      }
      return 0;
    },
  },
  {
    name: 'merge',
    usage: ['merge --db FILE --keep ID --merge ID [--json]'],
    options: { keep: { type: 'string' }, merge: { type: 'string' } },
    check: ({ values }) => {
      const keep = positiveInt(str(values.keep), 'keep');
      const merge = positiveInt(str(values.merge), 'merge');
      if (keep === undefined || merge === undefined) throw new UsageError('--keep ID and --merge ID are both required');
      if (keep === merge) throw new UsageError('--keep and --merge must name two different clients');
    },
    run({ db: file, values, json, out }) {
      const keepId = positiveInt(str(values.keep), 'keep')!;
      const mergeId = positiveInt(str(values.merge), 'merge')!;
      const db = openDatabase(file, findMigrationsFolder());
      try {
        // One IMMEDIATE transaction, as the app's command: all of it lands or none.
        const r = inTransaction(db, () => mergeClients(db, { keepId, mergeId }));
        if (json) out(JSON.stringify(r) + '\n');
        else {
          out(`Merged #${r.mergedId} ${r.mergedName} into #${r.keptId} ${r.keptName}: moved ${counts(r.moved)}; #${r.mergedId} is archived\n`);
          if (Object.keys(r.stayed).length) out(`Kept with the archived duplicate: ${counts(r.stayed)}\n`);
          if (r.filled.length) out(`Filled in from the duplicate: ${r.filled.join(', ')}\n`);
        }
      } finally {
        db.sqlite.close();
      }
      return 0;
    },
  },
];
