import type { ImportPreview } from '../../../../shared/features/import/types';
import { fieldTypeOf, type ImportKind, type PortraitImportField } from '../../../../shared/features/import/fields';
import type { StoredValue } from '../../../../shared/features/import/convert';
import { isIsoDate } from '../../../../shared/kernel/dates';
import { say, useT, type T } from '../../lib/i18n';
import type { Formatters } from '../../../../shared/kernel/format';
import { useSettings } from '../../lib/settings-context';
import { columnTitle } from './labels';

/** A stored value as the rest of the app will show it: numbers and dates in the user's locale, "1 234,50" and "2024. márc. 3." in hu; a portrait's yes/no and lists in words. */
function shown(t: T, fmt: Formatters, kind: ImportKind, portrait: readonly PortraitImportField[], field: string, v: StoredValue | undefined): string {
  if (v === null || v === undefined) return '';
  const type = fieldTypeOf(kind, field, portrait);
  if (typeof v === 'boolean') return v ? t('common:yes') : t('common:no');
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'number') return fmt.number(v, 4);
  if (type === 'date' && isIsoDate(v)) return fmt.date(v);
  return String(v);
}

/** The first rows as they will be stored; a problem is marked on its cell, with the message on hover and in the row's last column. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const kind = preview.summary.kind;
  const cols = preview.mapping.map((f, i) => ({ f, i })).filter((c): c is { f: string; i: number } => c.f !== null);
  return (
    <div className="preview-scroll">
      <table className="preview-table" data-testid="preview-table">
        <thead>
          <tr>
            <th>{t('import:line')}</th>
            <th>{t('import:action')}</th>
            {cols.map((c) => <th key={c.i}>{columnTitle(t, preview.headers, c.i)}</th>)}
            <th />
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line} className={`action-${r.action}`} data-line={r.line}>
              <td>{r.line}</td>
              <td>{t(`import:actions.${r.action}`)}</td>
              {cols.map((c) => {
                const found = r.problems.find((p) => p.column === c.i);
                const problem = found && say(t, found);
                const v = r.values[c.f];
                return (
                  <td key={c.i} className={problem ? 'cell-problem' : undefined} title={problem}>
                    {problem ? problem : shown(t, fmt, kind, preview.portraitFields, c.f, v)}
                  </td>
                );
              })}
              <td className="muted">{r.problems.filter((p) => p.column < 0).map((p) => say(t, p)).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
