import type { ImportPreview } from '../../../../shared/features/import/types';
import { say, useT } from '../../lib/i18n';
import { columnTitle } from './labels';

/** The first rows as they will be stored; a problem is marked on its cell, with the message on hover and in the row's last column. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useT();
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
                    {problem ? problem : v === null || v === undefined ? '' : String(v)}
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
