import type { Editor } from '@tiptap/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { headingsOf, type DocNode } from '../../../../shared/features/dossiers/doc';
import type { Dossier, SaveResult } from '../../../../shared/features/dossiers/types';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { DossierContext } from './context';
import { DocxButtons } from './DocxButtons';
import { keepInView } from './editor/keepInView';
import { posOfTopBlock } from './editor/positions';
import { HistoryDialog } from './HistoryDialog';
import { Outline, type OutlineHeading } from './Outline';
import { SectionBlock } from './SectionBlock';
import type { SectionHandle } from './SectionEditor';
import { Toolbar } from './Toolbar';
import './dossiers.css';

const sameHeadings = (a: OutlineHeading[] | undefined, b: OutlineHeading[]) =>
  !!a && a.length === b.length && a.every((h, i) => h.index === b[i].index && h.level === b[i].level && h.text === b[i].text);

export interface Jump {
  sectionId: number;
  at: number;
}

/** A client's dossier: outline, one toolbar, and every section's text in one scroll, each saving itself. */
export function DossierView({ clientId, jump, standalone }: { clientId: number; jump?: Jump; standalone?: boolean }) {
  const { t } = useT();
  const q = useQuery('dossiers.get', { clientId });
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (q.error) return <p className="form-error" role="alert">{q.error.message}</p>;
  if (q.data === undefined) return <p className="muted">{t('common:app.loading')}</p>;
  if (q.data === null) {
    return (
      <div className="dossier-start" data-testid="dossier-start">
        <p className="muted">{t('dossiers:dossier.createHint')}</p>
        <button type="button" className="primary" disabled={creating} onClick={() => {
          setCreating(true);
          call('dossiers.create', { clientId }).catch((e: Error) => setError(e.message)).finally(() => setCreating(false));
        }}>{t('dossiers:dossier.create')}</button>
        {error && <p className="form-error" role="alert">{error}</p>}
      </div>
    );
  }
  return <DossierBody key={q.data.id} dossier={q.data} from={q.id} jump={jump} standalone={standalone} />;
}

function DossierBody({ dossier, from, jump, standalone }: { dossier: Dossier; from: number | null; jump?: Jump; standalone?: boolean }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const handles = useRef(new Map<number, SectionHandle>());
  const [active, setActive] = useState<Editor | null>(null);
  const [words, setWords] = useState(() => new Map(dossier.sections.map((s) => [s.id, s.words])));
  const [headings, setHeadings] = useState(() => new Map<number, OutlineHeading[]>(dossier.sections.map((s) => [s.id, s.headings])));
  const [history, setHistory] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [headingJump, setHeadingJump] = useState<{ sectionId: number; jump: { block: number } } | null>(null);
  // Where the dossier opens: a search match, else where the user last was. Decided once.
  const opening = useRef(jump ? { sectionId: jump.sectionId, jump: { at: jump.at } } : dossier.lastSectionId ? { sectionId: dossier.lastSectionId, jump: { position: dossier.lastPosition ?? 0 } } : null);
  const sections = dossier.sections;
  // A section added since the dossier opened (or put back) brings its headings with the reload.
  const shownHeadings = useMemo(() => (sections.every((s) => headings.has(s.id)) ? headings : new Map(sections.map((s) => [s.id, headings.get(s.id) ?? s.headings]))), [sections, headings]);
  const total = sections.reduce((n, s) => n + (words.get(s.id) ?? s.words), 0);
  const clientId = dossier.clientId;

  const onSaved = useCallback((sectionId: number) => (r: SaveResult, heads: OutlineHeading[]) => {
    setWords((m) => (m.get(sectionId) === r.words ? m : new Map(m).set(sectionId, r.words)));
    setHeadings((m) => (sameHeadings(m.get(sectionId), heads) ? m : new Map(m).set(sectionId, heads)));
  }, []);
  const savedCallbacks = useMemo(() => new Map(sections.map((s) => [s.id, onSaved(s.id)])), [sections, onSaved]);
  const handleCallbacks = useMemo(
    () => new Map(sections.map((s) => [s.id, (h: SectionHandle | null) => (h ? handles.current.set(s.id, h) : handles.current.delete(s.id))])),
    [sections],
  );
  const flushAll = useCallback(async () => {
    await Promise.all([...handles.current.values()].map((h) => h.flush()));
  }, []);
  // One function per section, made once per load of the dossier: the memoised sections and editors keep them.
  const freshCallbacks = useMemo(
    () =>
      new Map(
        sections.map((sec) => [
          sec.id,
          async () => {
            const s = await call('dossiers.section', { sectionId: sec.id });
            return { doc: JSON.parse(s.docJson) as DocNode, revision: s.revision, savedAt: s.savedAt };
          },
        ]),
      ),
    [sections],
  );
  const orderRefValue = useRef<number[]>([]);
  orderRefValue.current = sections.map((s) => s.id);
  const move = useCallback(async (id: number, delta: -1 | 1) => {
    const order = [...orderRefValue.current];
    const i = order.indexOf(id);
    const j = i + delta;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    await call('dossiers.reorderSections', { dossierId: dossier.id, order }).catch((e: Error) => setNotice(e.message));
  }, [dossier.id]);
  const remove = useCallback(async (id: number, title: string) => {
    if (!window.confirm(t('dossiers:dossier.removeConfirm', { title }))) return;
    await handles.current.get(id)?.flush();
    await call('dossiers.removeSection', { sectionId: id }).catch((e: Error) => setNotice(e.message));
  }, [t]);
  const add = () =>
    call('dossiers.addSection', { dossierId: dossier.id, title: t('dossiers:dossier.newSectionTitle'), afterId: sections.at(-1)?.id ?? null }).catch((e: Error) => setNotice(e.message));
  const toSection = (id: number) => {
    const el = document.getElementById(`section-${id}`);
    if (el) keepInView(el, 'start');
  };
  const toHeading = (id: number, index: number) => {
    const h = handles.current.get(id);
    if (h) h.scrollTo(posOfTopBlock(h.editor.state.doc, index));
    // A section not made yet: it is made, then its editor goes to the heading.
    else setHeadingJump({ sectionId: id, jump: { block: index } });
  };
  const historySection = sections.find((s) => s.id === history);

  return (
    <DossierContext.Provider value={{ clientId }}>
      <div className="dossier" data-testid="dossier">
        <header className="dossier-head">
          <div>
            {standalone && <a href={href('dossiers')} className="back">← {t('dossiers:dossier.back')}</a>}
            {standalone && <h1>{dossier.clientName ?? dossier.title}</h1>}
            <span className="muted" data-testid="dossier-words">{t('dossiers:dossier.words', { count: total, formatted: fmt.number(total, 0) })}</span>
            {standalone && clientId !== null && <> · <a href={href(clientPath(clientId))}>{t('dossiers:dossier.openClient')}</a></>}
            {clientId === null && <p className="warning">{t('dossiers:dossier.clientRemoved')}</p>}
          </div>
          {clientId !== null && <DocxButtons clientId={clientId} beforeExport={flushAll} />}
        </header>
        <Toolbar editor={active} />
        {notice && <p className="form-error" role="alert">{notice}</p>}
        <div className="dossier-layout">
          <Outline sections={sections} headings={shownHeadings} words={words} onSection={toSection} onHeading={toHeading} />
          <div className="dossier-sections">
            {sections.map((s, i) => (
              <SectionBlock
                key={s.id}
                section={s}
                clientId={clientId}
                from={from}
                first={i === 0}
                last={i === sections.length - 1}
                eager={i === 0}
                words={words.get(s.id) ?? s.words}
                jump={headingJump?.sectionId === s.id ? headingJump.jump : opening.current?.sectionId === s.id ? opening.current.jump : null}
                onFocus={setActive}
                onSaved={savedCallbacks.get(s.id)!}
                onHandle={handleCallbacks.get(s.id)!}
                onMove={move}
                onRemove={remove}
                onHistory={setHistory}
                loadFresh={freshCallbacks.get(s.id)!}
              />
            ))}
            <div className="toolbar">
              <button type="button" onClick={() => void add()}>{t('dossiers:dossier.addSection')}</button>
            </div>
            {dossier.removed.length > 0 && (
              <details className="removed-sections">
                <summary>{t('dossiers:dossier.removed')} ({fmt.number(dossier.removed.length, 0)})</summary>
                <ul className="plain-list">
                  {dossier.removed.map((r) => (
                    <li key={r.id}>
                      {r.title} <span className="muted">{t('dossiers:dossier.words', { count: r.words, formatted: fmt.number(r.words, 0) })}</span>{' '}
                      <button type="button" onClick={() => void call('dossiers.restoreSection', { sectionId: r.id }).catch((e: Error) => setNotice(e.message))}>{t('dossiers:dossier.putBack')}</button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        </div>
        {historySection && (
          <HistoryDialog
            sectionId={historySection.id}
            title={historySection.title}
            current={handles.current.has(historySection.id) ? () => handles.current.get(historySection.id)!.editor.getJSON() as DocNode : null}
            base={() => handles.current.get(historySection.id)?.base() ?? historySection.revision}
            flush={async () => handles.current.get(historySection.id)?.flush()}
            onRestored={(doc, r) => {
              handles.current.get(historySection.id)?.replace(doc, r.revision, r.savedAt);
              setWords((m) => new Map(m).set(historySection.id, r.words));
              setHeadings((m) => new Map(m).set(historySection.id, headingsOf(doc)));
            }}
            onClose={() => setHistory(null)}
          />
        )}
      </div>
    </DossierContext.Provider>
  );
}
