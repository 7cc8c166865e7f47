import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type { LiveFacts } from '../../../../../shared/features/dossiers/types';
import { useT } from '../../../lib/i18n';
import { useSettings } from '../../../lib/settings-context';
import { useQuery } from '../../../lib/useQuery';
import { useDossierContext } from '../context';

/** The facts block in the editor: live figures from the base, or the values frozen with their date. */
export function LiveFactsView({ node, updateAttributes, deleteNode, editor }: ReactNodeViewProps) {
  const { t } = useT();
  const { fmt } = useSettings();
  const { clientId } = useDossierContext();
  const frozen = (node.attrs.frozen ?? null) as { date: string; values: LiveFacts } | null;
  const live = useQuery('dossiers.facts', { clientId: clientId ?? 0 }, !frozen && clientId !== null);
  const f = frozen?.values ?? live.data;
  const rows: [string, string][] = f
    ? [
        [t('dossiers:facts.revenue12m'), fmt.money(f.revenue12m)],
        [t('dossiers:facts.share12m'), fmt.percent(f.share12m)],
        [t('dossiers:facts.abc'), f.abc ?? t('dossiers:facts.none')],
        [t('dossiers:facts.band'), f.band ? t(`dossiers:facts.bands.${f.band}`) : t('dossiers:facts.none')],
        [t('dossiers:facts.lastPurchase'), f.lastPurchase ? fmt.date(f.lastPurchase) : t('dossiers:facts.none')],
        [t('dossiers:facts.openTasks'), `${fmt.number(f.openTasks, 0)}${f.overdueTasks ? ` (${t('dossiers:facts.overdue', { count: f.overdueTasks })})` : ''}`],
      ]
    : [];
  return (
    <NodeViewWrapper className={`live-facts${frozen ? ' frozen' : ''}`} data-testid="live-facts" contentEditable={false}>
      <div className="live-facts-head">
        <strong>{t('dossiers:facts.title')}</strong>
        <span className="muted">{frozen ? t('dossiers:facts.frozenOn', { date: fmt.date(frozen.date) }) : f ? t('dossiers:facts.liveOn', { date: fmt.date(f.asOf) }) : ''}</span>
        {editor.isEditable && (
          <span className="live-facts-actions">
            {frozen ? (
              <button type="button" onClick={() => updateAttributes({ frozen: null })}>{t('dossiers:facts.unfreeze')}</button>
            ) : (
              <button type="button" disabled={!live.data} onClick={() => live.data && updateAttributes({ frozen: { date: live.data.asOf, values: live.data } })}>{t('dossiers:facts.freeze')}</button>
            )}
            <button type="button" onClick={deleteNode}>{t('dossiers:facts.remove')}</button>
          </span>
        )}
      </div>
      {live.error && !frozen && <p className="form-error">{live.error.message}</p>}
      <dl className="live-facts-grid">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </NodeViewWrapper>
  );
}
