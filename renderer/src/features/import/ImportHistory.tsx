import { useState } from 'react';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { UndoDialog } from './UndoDialog';
import { useT } from '../../lib/i18n';

/** Every import, newest first, each undoable as a whole. */
export function ImportHistory() {
  const { t } = useT();
  const { fmt } = useSettings();
  const list = useQuery('imports.list', {});
  const [message, setMessage] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<number | null>(null);
  return (
    <section className="import-history" data-testid="import-history">
      <h2>{t('import:history')}</h2>
      {message && <p role="status">{message}</p>}
      {list.data?.length === 0 && <p className="muted">{t('import:noHistory')}</p>}
      <table>
        <tbody>
          {list.data?.map((r) => (
            <tr key={r.id} data-import-id={r.id}>
              <td>#{r.id}</td>
              <td>{r.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{r.fileName}</td>
              <td>{t(`import:kinds.${r.kind}`)}</td>
              <td>{t('import:done', { id: r.id, added: r.added, updated: r.updated, rejected: r.rejected })}</td>
              <td>{r.kind === 'purchases' ? fmt.money(r.amount) : ''}</td>
              <td>
                {r.undoneAt ? (
                  <span className="muted">{t('import:undone', { date: r.undoneAt.slice(0, 10) })}</span>
                ) : (
                  <button type="button" onClick={() => setUndoing(r.id)}>
                    {t('import:undo')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {undoing !== null && (
        <UndoDialog
          importId={undoing}
          onClose={() => setUndoing(null)}
          onDone={(m) => {
            setUndoing(null);
            setMessage(m);
          }}
        />
      )}
    </section>
  );
}
