import { UsageError, dateOption, str, type CliCommand } from '../../cli/command';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { candidatesJson, candidatesText, reportJson, reportText } from './cli-output';

export const recoveryCommands: CliCommand[] = [
  {
    name: 'recovery',
    usage: [
      'recovery candidates --db FILE [--as-of YYYY-MM-DD] [--json]',
      'recovery report --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]',
    ],
    kinds: ['candidates', 'report'],
    options: { from: { type: 'string' }, to: { type: 'string' } },
    check({ kind, values }) {
      const from = dateOption(str(values.from), 'from');
      const to = dateOption(str(values.to), 'to');
      if (kind === 'candidates' && (from || to)) throw new UsageError('--from and --to are for the report; candidates take --as-of');
      if (from && to && from > to) throw new UsageError('--from must be on or before --to');
    },
    run({ db: file, kind, values, asOf, json, out }) {
      const db = openDatabase(file, findMigrationsFolder());
      try {
        if (kind === 'candidates') {
          const result = candidatesJson(db, asOf);
          out(json ? JSON.stringify(result) + '\n' : candidatesText(result));
        } else {
          const result = reportJson(db, { from: str(values.from), to: str(values.to) });
          out(json ? JSON.stringify(result) + '\n' : reportText(result));
        }
        return 0;
      } finally {
        db.sqlite.close();
      }
    },
  },
];
