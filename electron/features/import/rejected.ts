import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { csvWriter } from '../../../shared/features/export';
import { columnName, missingFieldsList } from '../../../shared/features/import/messages';
import { cellText } from '../../../shared/features/import/table';
import type { ImportSpec } from '../../../shared/features/import/types';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import { shippedLanguage, translate } from '../../i18n';
import { getSettings } from '../settings';
import { resolve } from './analyse';
import { portraitFieldsOf } from './portrait';
import { runRows, type RunHooks } from './run';
import type { TableSource } from './table-source';

/**
 * The rows an import would reject, written to a CSV the user can correct
 * and import again: the file's own columns with the cells as they were,
 * and one more column saying, in the user's language, what is wrong. The
 * same pass as the preview judges them, so these are exactly the rows the
 * summary counted. Written a row at a time, so a file that is mostly
 * wrong costs no memory.
 */
export function saveRejectedRows(db: Db, table: TableSource, spec: ImportSpec, out: string, hooks: RunHooks = {}): { path: string; rows: number } {
  const settings = getSettings(db);
  const lang = shippedLanguage(settings.language);
  const r = resolve(table, spec, settings.locale, portraitFieldsOf(db, spec.kind));
  if (r.missingFields.length) throw new AppError('invalid_input', 'import:errors.mapFirst', { fields: missingFieldsList(r.missingFields) });
  const headers = r.headers.map((_, i) => {
    const name = columnName(r.headers, i);
    return translate(lang, name.key, name.params);
  });
  const w = csvWriter([...headers, translate(lang, 'import:problemColumn')].map((header) => ({ header, kind: 'text' as const })), { locale: settings.locale, yes: translate(lang, 'common:yes'), no: translate(lang, 'common:no') });
  const fd = openSync(out, 'w');
  let rows = 0;
  let pending = w.start;
  try {
    runRows(db, table, r, { write: false, importId: null, createClients: spec.createClients, dropIdentical: spec.dropIdentical }, {
      ...hooks,
      onRejected: (raw, reason) => {
        const cells = Array.from({ length: r.width }, (_, i) => (raw.cells[i] === null || raw.cells[i] === undefined ? null : cellText(raw.cells[i])));
        // Values past the header's width are what made such a row wrong: kept, so nothing the file held is lost.
        for (let i = r.width; i < raw.cells.length; i++) if (raw.cells[i] !== null) cells[i] = cellText(raw.cells[i]);
        pending += w.line([...cells.slice(0, r.width), translate(lang, reason.key, reason.params), ...cells.slice(r.width)]);
        rows++;
        if (pending.length > 1 << 16) (writeSync(fd, pending), (pending = ''));
      },
    });
    writeSync(fd, pending);
    closeSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(out, { force: true });
    throw err;
  }
  return { path: out, rows };
}
