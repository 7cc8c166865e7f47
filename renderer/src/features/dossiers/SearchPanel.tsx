import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../../shared/features/dossiers/types';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { dossierMatchPath } from './paths';

function Marked({ hit }: { hit: SearchHit }) {
  const parts: React.ReactNode[] = [];
  let i = 0;
  hit.marks.forEach(([a, b], k) => {
    parts.push(hit.snippet.slice(i, a), <mark key={k}>{hit.snippet.slice(a, b)}</mark>);
    i = b;
  });
  parts.push(hit.snippet.slice(i));
  return <span className="snippet">{parts}</span>;
}

const linkOf = (h: SearchHit): string | null =>
  h.clientId === null ? null : h.kind === 'section' ? dossierMatchPath(h.clientId, h.refId, h.at) : clientPath(h.clientId);

/** Search across every dossier, contact note and interaction summary, with the matched words marked. */
export function SearchPanel() {
  const { t } = useT();
  const { fmt } = useSettings();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(20);
  // A short pause while typing, so each word is one query rather than one per key.
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text), 120);
    return () => window.clearTimeout(timer);
  }, [text]);
  useEffect(() => setLimit(20), [q]);
  const result = useQuery('dossiers.search', { q, typing: true, limit }, q.trim().length > 0);
  const r = q.trim() ? result.data : undefined;
  return (
    <section className="search-panel">
      <input
        type="search"
        className="search wide"
        aria-label={t('dossiers:search.label')}
        placeholder={t('dossiers:search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="dossier-search"
      />
      {result.error && q.trim() && <p className="form-error" role="alert">{result.error.message}</p>}
      {r && (
        <div className="search-results" data-testid="search-results">
          <p className="muted" data-testid="search-count">{r.total ? t('dossiers:search.results', { count: r.total, formatted: fmt.number(r.total, 0) }) : t('dossiers:search.none')}</p>
          {r.indexing && <p className="muted">{t('dossiers:search.indexing')}</p>}
          <ol className="hits">
            {r.hits.map((h) => {
              const link = linkOf(h);
              return (
                <li key={`${h.kind}:${h.refId}`} className="hit" data-testid="search-hit">
                  <div className="hit-head">
                    <span className="badge">{t(`dossiers:search.kinds.${h.kind}`)}</span>
                    {link ? <a href={href(link)}>{h.clientName ?? ''}</a> : <span>{h.clientName ?? ''}</span>}
                    <span className="muted">
                      {' · '}
                      {h.kind === 'interaction' ? `${fmt.date(h.date)} · ${t(`accounts:kind.${h.title as 'call'}`)}` : h.title}
                    </span>
                  </div>
                  <Marked hit={h} />
                </li>
              );
            })}
          </ol>
          {r.total > r.hits.length && <button type="button" onClick={() => setLimit((l) => Math.min(200, l + 20))}>{t('dossiers:search.more')}</button>}
        </div>
      )}
    </section>
  );
}
