import { useState } from 'react';
import type { DuplicatePair, DuplicateSide, MergeRecord } from '../../../../shared/features/accounts/types';
import { Dialog } from '../../components/Dialog';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { countsInWords } from './mergeWords';
import { clientPath } from './paths';

/** Clients entered twice, side by side, with a Merge that says first what it will move. */
export function DuplicatesPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const report = useQuery('clients.duplicates', {});
  const [swapped, setSwapped] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<{ keep: DuplicateSide; merge: DuplicateSide } | null>(null);
  const [done, setDone] = useState<MergeRecord | null>(null);
  const data = report.data;
  const keyOf = (p: DuplicatePair) => `${Math.min(p.keep.id, p.merge.id)}:${Math.max(p.keep.id, p.merge.id)}`;
  const oriented = (p: DuplicatePair) => (swapped.has(keyOf(p)) ? { keep: p.merge, merge: p.keep } : { keep: p.keep, merge: p.merge });

  return (
    <section className="page duplicates-page">
      <header className="page-header">
        <div>
          <h1>{t('accounts:duplicates.title')}</h1>
          <p className="muted">{t('accounts:duplicates.lead')}</p>
        </div>
      </header>
      {report.error && <p className="form-error" role="alert">{report.error.message}</p>}
      {done && (
        <p className="notice" role="status" data-testid="merge-done">
          {t('accounts:duplicates.merged', { merge: done.mergedName, keep: done.keptName, what: countsInWords(t, fmt, done.moved) || t('accounts:duplicates.movedNothing') })}
        </p>
      )}
      {!data ? (
        <p className="muted">{t('common:app.loading')}</p>
      ) : data.pairs.length === 0 ? (
        <p className="muted" data-testid="no-duplicates">{t('accounts:duplicates.none', { n: fmt.number(data.clients, 0) })}</p>
      ) : (
        <ul className="duplicates-list" data-testid="duplicate-pairs">
          {data.pairs.map((p) => {
            const { keep, merge } = oriented(p);
            return (
              <li key={keyOf(p)} className="duplicate-pair" data-testid="duplicate-pair">
                <Side side={keep} role={t('accounts:duplicates.keep')} />
                <div className="duplicate-reasons">
                  {p.reasons.map((r) => <span key={r} className="badge">{t(`accounts:duplicates.reason.${r}`)}</span>)}
                </div>
                <Side side={merge} role={t('accounts:duplicates.mergeAway')} />
                <div className="toolbar">
                  <button type="button" onClick={() => setSwapped((s) => { const n = new Set(s); if (!n.delete(keyOf(p))) n.add(keyOf(p)); return n; })}>
                    {t('accounts:duplicates.swap')}
                  </button>
                  <button type="button" className="primary" onClick={() => setConfirming({ keep, merge })}>{t('accounts:duplicates.merge')}</button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {data && data.more > 0 && <p className="muted">{t('accounts:duplicates.more', { count: data.more, n: fmt.number(data.more, 0) })}</p>}
      {data && data.merges.length > 0 && (
        <section className="merge-history" aria-label={t('accounts:duplicates.history')}>
          <h2>{t('accounts:duplicates.history')}</h2>
          <ul className="plain-list" data-testid="merge-history">
            {data.merges.map((m) => (
              <li key={`${m.at}-${m.mergedId}`}>
                {t('accounts:duplicates.historyLine', { date: fmt.dateTime(m.at), merge: m.mergedName, keep: m.keptName })}{' '}
                <span className="muted">
                  ({countsInWords(t, fmt, m.moved) || t('accounts:duplicates.movedNothing')}
                  {Object.keys(m.stayed).length > 0 ? `; ${t('accounts:duplicates.stayed', { what: countsInWords(t, fmt, m.stayed) })}` : ''}
                  {m.filled.length > 0 ? `; ${t('accounts:duplicates.filled', { fields: m.filled.map((f) => fieldLabel(t, f)).join(', ') })}` : ''})
                </span>{' '}
                <a href={href(clientPath(m.keptId))}>{m.keptName}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {confirming && (
        <MergeConfirm
          keep={confirming.keep}
          merge={confirming.merge}
          onClose={() => setConfirming(null)}
          onMerged={(record) => {
            setConfirming(null);
            setDone(record);
          }}
        />
      )}
    </section>
  );
}

const FIELD_LABELS = ['code', 'taxId', 'email', 'phone', 'website', 'city', 'country', 'managerId', 'departmentId', 'potentialAnnual', 'source', 'referredById', 'reputation', 'innovator', 'demanding', 'keyPotential', 'typeId', 'notes'] as const;
const fieldLabel = (t: ReturnType<typeof useT>['t'], f: string) =>
  f === 'profile' ? t('accounts:client.profile') : (FIELD_LABELS as readonly string[]).includes(f) ? t(`accounts:fields.${f as (typeof FIELD_LABELS)[number]}`) : f;

function Side({ side, role }: { side: DuplicateSide; role: string }) {
  const { t } = useT();
  const { fmt } = useSettings();
  return (
    <div className="duplicate-side">
      <small>{role}</small>
      <strong><a href={href(clientPath(side.id))}>{side.name}</a></strong>
      <small>{[side.code, side.taxId, side.email, side.city].filter(Boolean).join(' · ')}</small>
      <small>
        {t('accounts:duplicates.side', { count: side.purchases, n: fmt.number(side.purchases, 0) })} · {t('accounts:duplicates.sideContacts', { count: side.contacts, n: fmt.number(side.contacts, 0) })} ·{' '}
        {t('accounts:duplicates.created', { date: fmt.date(side.createdAt.slice(0, 10)) })}
      </small>
    </div>
  );
}

function MergeConfirm({ keep, merge, onClose, onMerged }: { keep: DuplicateSide; merge: DuplicateSide; onClose: () => void; onMerged: (r: MergeRecord) => void }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = countsInWords(t, fmt, { purchases: merge.purchases, contacts: merge.contacts, interactions: merge.interactions, tasks: merge.tasks });
  const names = { keep: keep.name, merge: merge.name };
  return (
    <Dialog title={t('accounts:duplicates.confirmTitle', names)} onClose={onClose}>
      <div className="merge-confirm" data-testid="merge-confirm">
        {error && <p className="form-error" role="alert">{error}</p>}
        <p>{what ? t('accounts:duplicates.confirmMoves', { ...names, what }) : t('accounts:duplicates.confirmNothing', names)}</p>
        <p>{t('accounts:duplicates.confirmFill', names)}</p>
        <p>{t('accounts:duplicates.confirmArchive', names)}</p>
        <footer className="form-actions">
          <button type="button" onClick={onClose}>{t('common:cancel')}</button>
          <button
            type="button"
            className="primary"
            disabled={busy}
            autoFocus
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                onMerged(await call('clients.merge', { keepId: keep.id, mergeId: merge.id }));
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
                setBusy(false);
              }
            }}
          >
            {t('accounts:duplicates.confirm')}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
