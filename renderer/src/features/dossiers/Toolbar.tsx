import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import type { en } from '../../../../shared/features/dossiers/i18n/en';
import { useT } from '../../lib/i18n';

type ButtonKey = `dossiers:editor.${keyof typeof en.editor}` | 'dossiers:facts.insert';

/** Formatting for whichever section was focused last: one bar for the whole dossier. */
export function Toolbar({ editor }: { editor: Editor | null }) {
  const { t } = useT();
  const [linking, setLinking] = useState<string | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            underline: e.isActive('underline'),
            strike: e.isActive('strike'),
            h1: e.isActive('heading', { level: 1 }),
            h2: e.isActive('heading', { level: 2 }),
            h3: e.isActive('heading', { level: 3 }),
            bullet: e.isActive('bulletList'),
            ordered: e.isActive('orderedList'),
            task: e.isActive('taskList'),
            quote: e.isActive('blockquote'),
            link: e.isActive('link'),
            table: e.isActive('table'),
            // The history's depth, not can(): can() dry-runs a command on every keystroke.
            canUndo: undoDepth(e.state) > 0,
            canRedo: redoDepth(e.state) > 0,
          }
        : null,
  });
  const run = (f: (c: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => editor && f(editor.chain().focus()).run();
  const b = (key: ButtonKey, active: boolean | undefined, onClick: () => void, label: string, disabled = false) => (
    <button type="button" className={active ? 'active' : ''} aria-pressed={active ?? false} title={t(key)} aria-label={t(key)} disabled={!editor || disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {label}
    </button>
  );
  const applyLink = () => {
    const href = (linking ?? '').trim();
    setLinking(null);
    if (!editor) return;
    if (!href) run((c) => c.extendMarkRange('link').unsetLink());
    else if (/^(https?:\/\/|mailto:)/i.test(href)) run((c) => c.extendMarkRange('link').setLink({ href }));
  };
  return (
    <div className="dossier-toolbar" role="toolbar" aria-label={t('dossiers:dossier.outline')}>
      {b('dossiers:editor.undo', false, () => run((c) => c.undo()), '↶', !state?.canUndo)}
      {b('dossiers:editor.redo', false, () => run((c) => c.redo()), '↷', !state?.canRedo)}
      <span className="sep" />
      {b('dossiers:editor.bold', state?.bold, () => run((c) => c.toggleBold()), 'B')}
      {b('dossiers:editor.italic', state?.italic, () => run((c) => c.toggleItalic()), 'I')}
      {b('dossiers:editor.underline', state?.underline, () => run((c) => c.toggleUnderline()), 'U')}
      {b('dossiers:editor.strike', state?.strike, () => run((c) => c.toggleStrike()), 'S')}
      <span className="sep" />
      {b('dossiers:editor.paragraph', false, () => run((c) => c.setParagraph()), '¶')}
      {b('dossiers:editor.heading1', state?.h1, () => run((c) => c.toggleHeading({ level: 1 })), 'H1')}
      {b('dossiers:editor.heading2', state?.h2, () => run((c) => c.toggleHeading({ level: 2 })), 'H2')}
      {b('dossiers:editor.heading3', state?.h3, () => run((c) => c.toggleHeading({ level: 3 })), 'H3')}
      <span className="sep" />
      {b('dossiers:editor.bullet', state?.bullet, () => run((c) => c.toggleBulletList()), '•')}
      {b('dossiers:editor.numbered', state?.ordered, () => run((c) => c.toggleOrderedList()), '1.')}
      {b('dossiers:editor.checklist', state?.task, () => run((c) => c.toggleTaskList()), '☑')}
      {b('dossiers:editor.quote', state?.quote, () => run((c) => c.toggleBlockquote()), '❝')}
      {b('dossiers:editor.link', state?.link, () => setLinking(editor?.getAttributes('link').href ?? ''), '↗')}
      {linking !== null && (
        <input
          className="link-input"
          autoFocus
          aria-label={t('dossiers:editor.linkPrompt')}
          placeholder={t('dossiers:editor.linkPrompt')}
          value={linking}
          onChange={(e) => setLinking(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') applyLink();
            if (e.key === 'Escape') setLinking(null);
          }}
          onBlur={applyLink}
        />
      )}
      <span className="sep" />
      {b('dossiers:editor.table', state?.table, () => run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })), '▦')}
      {state?.table && (
        <>
          {b('dossiers:editor.addRow', false, () => run((c) => c.addRowAfter()), '+≡')}
          {b('dossiers:editor.addColumn', false, () => run((c) => c.addColumnAfter()), '+‖')}
          {b('dossiers:editor.deleteRow', false, () => run((c) => c.deleteRow()), '−≡')}
          {b('dossiers:editor.deleteColumn', false, () => run((c) => c.deleteColumn()), '−‖')}
          {b('dossiers:editor.deleteTable', false, () => run((c) => c.deleteTable()), '✕▦')}
        </>
      )}
      {b('dossiers:facts.insert', false, () => run((c) => c.insertLiveFacts()), '∑')}
    </div>
  );
}
