import { UsageError, type CliCommand, dateOption, str } from '../../cli/command';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { LANGUAGES, type Language } from '../../../shared/i18n';
import { REPORT_KINDS, reportJson, reportText, resolveScope, type ReportKind } from './report-cli';

export const analyticsCommands: CliCommand[] = [
  {
    name: 'report',
    usage: [
      'report pareto|abc|dependency|kam --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--department X | --manager Y] [--json]',
      'report workbook --db FILE --out FILE.xlsx [--from … --to …] [--department X | --manager Y] [--lang en|hu|fr|lt|th|ru]',
    ],
    kinds: REPORT_KINDS,
    options: { from: { type: 'string' }, to: { type: 'string' }, department: { type: 'string' }, manager: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } },
    check({ kind, values }) {
      const from = dateOption(str(values.from), 'from');
      const to = dateOption(str(values.to), 'to');
      if (from && to && from > to) throw new UsageError('--from must be on or before --to');
      if (kind === 'workbook' && !values.out) throw new UsageError('--out FILE.xlsx is required for the workbook');
      const lang = str(values.lang);
      if (lang !== undefined && (kind !== 'workbook' || !(LANGUAGES as readonly string[]).includes(lang))) {
        throw new UsageError(kind === 'workbook' ? `--lang must be one of ${LANGUAGES.join(', ')}` : '--lang is for the workbook only');
      }
    },
    async run({ db: file, kind, values, asOf, json, out }) {
      const db = openDatabase(file, findMigrationsFolder());
      const opts = { from: str(values.from), to: str(values.to) ?? asOf, department: str(values.department), manager: str(values.manager), out: str(values.out), lang: str(values.lang) as Language | undefined };
      try {
        const result = await reportJson(db, kind as ReportKind, opts, resolveScope(db, opts, (m) => new UsageError(m)));
        out(json ? JSON.stringify(result) + '\n' : reportText(kind as ReportKind, result));
        return 0;
      } finally {
        db.sqlite.close();
      }
    },
  },
];
