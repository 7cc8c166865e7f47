import type { ColumnFormat } from '../../../../shared/features/import/convert';
import { DATE_ORDERS } from '../../../../shared/features/import/dates';
import { fieldTypeOf, IMPORT_FIELDS, type ImportKind } from '../../../../shared/features/import/fields';
import { cellText } from '../../../../shared/features/import/table';
import type { ImportPreview } from '../../../../shared/features/import/types';
import { useT } from '../../lib/i18n';
import { columnTitle } from './labels';

/** Each style shown by example: digits and separators read the same in every language. */
const NUMBER_LABELS = { dot: '1,234.50', comma: '1.234,50', space: '1 234,50' } as const;

interface Props {
  kind: ImportKind;
  preview: ImportPreview;
  /** The columns as the user has chosen them so far (ahead of `preview` while it reloads). */
  mapping: (string | null)[];
  formats: ColumnFormat[];
  onMapping: (mapping: (string | null)[]) => void;
  onFormat: (column: number, format: ColumnFormat) => void;
}

/** One row per column of the file: its header, first values, the field it becomes and how it is read. */
export function MappingTable({ kind, preview, mapping, formats, onMapping, onFormat }: Props) {
  const { t } = useT();
  const dataRows = preview.head.slice(preview.headerRow + 1, preview.headerRow + 4);
  return (
    <table className="mapping-table" data-testid="mapping-table">
      <thead>
        <tr>
          <th>{t('import:column')}</th>
          <th>{t('import:sample')}</th>
          <th>{t('import:field')}</th>
          <th>{t('import:format')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.headers.map((_, i) => {
          const h = columnTitle(t, preview.headers, i);
          const field = mapping[i] ?? null;
          const type = field ? fieldTypeOf(kind, field, preview.portraitFields) : undefined;
          const fmt = formats[i] ?? {};
          return (
            <tr key={i}>
              <td>{h}</td>
              <td className="muted">{dataRows.map((r) => cellText(r[i] ?? null)).filter(Boolean).join(' · ')}</td>
              <td>
                <select
                  aria-label={`${t('import:field')}: ${h}`}
                  value={field ?? ''}
                  onChange={(e) => {
                    const next = preview.headers.map((_, j) => mapping[j] ?? null);
                    const value = e.target.value || null;
                    next.forEach((f, j) => value && f === value && (next[j] = null));
                    next[i] = value;
                    onMapping(next);
                  }}
                >
                  <option value="">{t('import:skip')}</option>
                  {IMPORT_FIELDS[kind].map((f) => (
                    <option key={f.key} value={f.key}>{t(f.label)}</option>
                  ))}
                  {preview.portraitFields.length > 0 && (
                    // The labels are the user's own words (Settings → Client types): shown as they are.
                    <optgroup label={t('import:portraitFields')}>
                      {preview.portraitFields.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
                    </optgroup>
                  )}
                </select>
              </td>
              <td>
                {type === 'number' && (
                  <>
                    <select aria-label={`${t('import:format')}: ${h}`} value={fmt.numberStyle ?? 'dot'} onChange={(e) => onFormat(i, { ...fmt, numberStyle: e.target.value as ColumnFormat['numberStyle'], numberAmbiguous: false })}>
                      {Object.entries(NUMBER_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
                    </select>
                    {fmt.numberAmbiguous && <p className="warning">{t('import:ambiguousNumbers')}</p>}
                  </>
                )}
                {type === 'date' && (
                  <>
                    <select aria-label={`${t('import:format')}: ${h}`} value={fmt.dateOrder ?? 'dmy'} onChange={(e) => onFormat(i, { ...fmt, dateOrder: e.target.value as ColumnFormat['dateOrder'], dateAmbiguous: false })}>
                      {DATE_ORDERS.map((k) => <option key={k} value={k}>{t(`import:dateOrders.${k}`)}</option>)}
                    </select>
                    <select aria-label={`${t('import:serialDates')}: ${h}`} value={fmt.dateSystem ?? 1900} onChange={(e) => onFormat(i, { ...fmt, dateSystem: Number(e.target.value) as 1900 | 1904 })}>
                      <option value={1900}>{t('import:excel1900')}</option>
                      <option value={1904}>{t('import:excel1904')}</option>
                    </select>
                    {fmt.dateAmbiguous && <p className="warning" data-testid="ambiguous-dates">{t('import:ambiguousDates', { order: t(`import:dateOrders.${fmt.dateOrder ?? 'dmy'}`) })}</p>}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
