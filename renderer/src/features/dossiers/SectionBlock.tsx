import type { Editor } from '@tiptap/core';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { DocNode } from '../../../../shared/features/dossiers/doc';
import type { SaveResult, Section, SectionText } from '../../../../shared/features/dossiers/types';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { PeoplePanel } from './PeoplePanel';
import { SectionEditor, type SectionHandle, type SectionWithText } from './SectionEditor';
import type { OutlineHeading, SaveStatus } from './useAutosave';

interface Props {
  section: Section;
  clientId: number | null;
  from: number | null;
  first: boolean;
  last: boolean;
  /** Made at once (the first sections), without waiting to come near the screen. */
  eager: boolean;
  words: number;
  jump: { at: number } | { position: number } | { block: number } | null;
  onFocus: (e: Editor) => void;
  onSaved: (r: SaveResult, headings: OutlineHeading[]) => void;
  onHandle: (h: SectionHandle | null) => void;
  onMove: (sectionId: number, delta: -1 | 1) => void;
  onRemove: (sectionId: number, title: string) => void;
  onHistory: (sectionId: number) => void;
  loadFresh: () => Promise<{ doc: DocNode; revision: number; savedAt: string | null } | null>;
}

function StatusLine({ status }: { status: SaveStatus | null }) {
  const { t } = useT();
  const { fmt } = useSettings();
  if (!status) return null;
  const text =
    status.state === 'saving' ? t('dossiers:dossier.saving')
    : status.state === 'saved' ? (status.at ? t('dossiers:dossier.saved', { time: fmt.dateTime(status.at) }) : '')
    : t('dossiers:dossier.unsaved');
  return <span className={`save-status save-${status.state}`} data-testid="save-status">{text}</span>;
}

/** One section of the dossier: its title bar (rename, move, history, remove), the people panel where it belongs, and its text. */
export const SectionBlock = memo(function SectionBlock(p: Props) {
  const { t } = useT();
  const { fmt } = useSettings();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Editors are made as their section comes near the screen: a 40-page dossier opens with the first ones ready to type.
  const [mounted, setMounted] = useState(p.eager || p.jump !== null);
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    if (p.jump) setMounted(true);
  }, [p.jump]);
  // A section the dossier came without its text for: the text is asked for when the editor is to be made, so it is the newest.
  const [text, setText] = useState<SectionText | null>(null);
  const needsText = mounted && p.section.docJson === null && !text;
  useEffect(() => {
    if (!needsText) return;
    let current = true;
    call('dossiers.section', { sectionId: p.section.id }).then((t) => current && setText(t), (e: Error) => current && setNotice(e.message));
    return () => {
      current = false;
    };
  }, [needsText, p.section.id]);
  const withText = useMemo<SectionWithText | null>(() => (p.section.docJson !== null ? { ...p.section, docJson: p.section.docJson } : text ? { ...p.section, ...text } : null), [p.section, text]);
  useEffect(() => {
    if (mounted || !box.current) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setMounted(true), { rootMargin: '800px 0px' });
    io.observe(box.current);
    return () => io.disconnect();
  }, [mounted]);
  const rename = async () => {
    const title = (renaming ?? '').trim();
    setRenaming(null);
    if (title && title !== p.section.title) await call('dossiers.renameSection', { sectionId: p.section.id, title }).catch((e: Error) => setNotice(e.message));
  };
  return (
    <section className="dossier-section" id={`section-${p.section.id}`} data-testid={`section-${p.section.id}`} ref={box}>
      <header className="section-head">
        {renaming !== null ? (
          <input
            className="section-title-input"
            aria-label={t('dossiers:dossier.sectionTitle')}
            autoFocus
            value={renaming}
            onChange={(e) => setRenaming(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void rename();
              if (e.key === 'Escape') setRenaming(null);
            }}
            onBlur={() => void rename()}
          />
        ) : (
          <h2 className="section-title">{p.section.title}</h2>
        )}
        <span className="muted">{t('dossiers:dossier.words', { count: p.words, formatted: fmt.number(p.words, 0) })}</span>
        <StatusLine status={status} />
        <span className="section-actions">
          <button type="button" onClick={() => setRenaming(p.section.title)}>{t('dossiers:dossier.rename')}</button>
          <button type="button" disabled={p.first} onClick={() => p.onMove(p.section.id, -1)} aria-label={t('dossiers:dossier.moveUp')} title={t('dossiers:dossier.moveUp')}>↑</button>
          <button type="button" disabled={p.last} onClick={() => p.onMove(p.section.id, 1)} aria-label={t('dossiers:dossier.moveDown')} title={t('dossiers:dossier.moveDown')}>↓</button>
          <button type="button" onClick={() => p.onHistory(p.section.id)}>{t('dossiers:dossier.history')}</button>
          <button type="button" onClick={() => p.onRemove(p.section.id, p.section.title)}>{t('dossiers:dossier.remove')}</button>
        </span>
      </header>
      {notice && <p className="form-error" role="alert">{notice}</p>}
      {/* Made with the section's text, as it comes near: its queries and the map's drawing wait until then. */}
      {mounted && p.section.templateKey === 'people' && p.clientId !== null && <PeoplePanel clientId={p.clientId} />}
      {!mounted || !withText ? (
        <div className="section-pending" style={{ minHeight: Math.max(48, p.section.words * 2.1) }} />
      ) : (
      <SectionEditor
        section={withText}
        from={p.from}
        jump={p.jump}
        onFocus={p.onFocus}
        onSaved={p.onSaved}
        onStatus={setStatus}
        onHandle={p.onHandle}
        onPasteRefused={setNotice}
        loadFresh={p.loadFresh}
      />
      )}
    </section>
  );
});
