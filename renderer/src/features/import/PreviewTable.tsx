import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/import/types';

/** The first rows as they will be stored; a problem is marked on its cell, with the message on hover and in the row's last column. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const cols = preview.mapping.map((f, i) => ({ f, i })).filter((c): c is { f: string; i: number } => c.f !== null);
  return (
    <div className="preview-scroll">
      <table className="preview-table" data-testid="preview-table">
        <thead>
          <tr>
            <th>{t('import.line')}</th>
            <th>{t('import.action')}</th>
            {cols.map((c) => <th key={c.i}>{preview.headers[c.i]}</th>)}
            <th />
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line} className={`action-${r.action}`} data-line={r.line}>
              <td>{r.line}</td>
              <td>{t(`import.actions.${r.action}`)}</td>
              {cols.map((c) => {
                const problem = r.problems.find((p) => p.column === c.i);
                const v = r.values[c.f];
                return (
                  <td key={c.i} className={problem ? 'cell-problem' : undefined} title={problem?.message}>
                    {problem ? problem.message : v === null || v === undefined ? '' : String(v)}
                  </td>
                );
              })}
              <td className="muted">{r.problems.filter((p) => p.column < 0).map((p) => p.message).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
