import { useMemo, useRef, useState } from 'react';
import { diffDocs, type DiffLine } from '../../../../shared/features/dossiers/diff';
import type { DocNode } from '../../../../shared/features/dossiers/doc';
import type { SaveResult } from '../../../../shared/features/dossiers/types';
import { Dialog } from '../../components/Dialog';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';

function DiffView({ lines }: { lines: DiffLine[] }) {
  const { t } = useT();
  const changed = lines.filter((l) => l.op !== 'same');
  if (!changed.length) return <p className="muted">{t('dossiers:revisions.noChanges')}</p>;
  return (
    <ol className="diff" data-testid="revision-diff">
      {lines.map((l, i) =>
        l.op === 'same' ? null : (
          <li key={i} className={`diff-${l.op}`}>
            <span className="diff-kind">
              {t(`dossiers:diff.kinds.${l.kind}`)} · {l.op === 'added' ? t('dossiers:revisions.added') : l.op === 'removed' ? t('dossiers:revisions.removedLine') : t('dossiers:revisions.changed')}
            </span>
            {l.op === 'changed' ? (
              <span className="diff-text">
                {l.words.map((w, k) => (w.op === 'same' ? <span key={k}>{w.text}</span> : w.op === 'added' ? <ins key={k}>{w.text}</ins> : <del key={k}>{w.text}</del>))}
              </span>
            ) : (
              <span className="diff-text">{l.text}</span>
            )}
          </li>
        ),
      )}
    </ol>
  );
}

/** A section's earlier versions: what changed from each to now, and putting one back. */
export function HistoryDialog({ sectionId, title, current, base, flush, onRestored, onClose }: {
  sectionId: number;
  title: string;
  /** The editor's document; null while the section's editor is not made: its stored text is compared with then. */
  current: (() => DocNode) | null;
  base: () => number;
  /** Sends what is typed but not saved yet, so the restore starts from the latest version. */
  flush: () => Promise<void>;
  onRestored: (doc: DocNode, r: SaveResult) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const { fmt } = useSettings();
  const list = useQuery('dossiers.revisions', { sectionId });
  const [picked, setPicked] = useState<number | null>(null);
  const revision = useQuery('dossiers.revision', { id: picked ?? 0 }, picked !== null);
  const [error, setError] = useState<string | null>(null);
  const currentRef = useRef(current);
  currentRef.current = current;
  const stored = useQuery('dossiers.section', { sectionId }, current === null);
  const lines = useMemo(() => {
    if (!revision.data || revision.data.id !== picked) return null;
    const now = currentRef.current ? currentRef.current() : stored.data ? (JSON.parse(stored.data.docJson) as DocNode) : null;
    return now ? diffDocs(revision.data.doc, now) : null;
  }, [revision.data, picked, stored.data]);
  const restore = async () => {
    if (!revision.data || !window.confirm(t('dossiers:revisions.restoreConfirm'))) return;
    try {
      await flush();
      const r = await call('dossiers.restoreRevision', { revisionId: revision.data.id, baseRevision: base() });
      onRestored(revision.data.doc, r);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Dialog title={t('dossiers:revisions.title', { title })} onClose={onClose} wide>
      <div className="history">
        <ul className="plain-list revision-list" data-testid="revision-list">
          {list.data?.length === 0 && <li className="muted">{t('dossiers:revisions.none')}</li>}
          {list.data?.map((r) => (
            <li key={r.id}>
              <button type="button" className={picked === r.id ? 'link active' : 'link'} onClick={() => setPicked(r.id)}>
                {fmt.dateTime(r.createdAt)} · {t(`dossiers:revisions.reasons.${r.reason}`)} · {t('dossiers:revisions.words', { count: r.words, formatted: fmt.number(r.words, 0) })}
              </button>
            </li>
          ))}
        </ul>
        <div className="revision-detail">
          {lines && (
            <>
              <h3>{t('dossiers:revisions.compareWith')}</h3>
              <DiffView lines={lines} />
              <div className="form-actions">
                {error && <span className="form-error" role="alert">{error}</span>}
                <button type="button" className="primary" onClick={() => void restore()}>{t('dossiers:revisions.restore')}</button>
              </div>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
