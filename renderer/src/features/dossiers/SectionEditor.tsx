import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { DocNode } from '../../../../shared/features/dossiers/doc';
import type { SaveResult, Section } from '../../../../shared/features/dossiers/types';
import { useT } from '../../lib/i18n';
import { editorExtensions } from './editor/extensions';
import { LiveFactsView } from './editor/LiveFactsView';
import { cleanPastedHtml, MAX_PASTE_MB } from './editor/paste';
import { keepInView } from './editor/keepInView';
import { posOfTextOffset, posOfTopBlock } from './editor/positions';
import { useAutosave, type OutlineHeading, type SaveStatus } from './useAutosave';

export interface SectionHandle {
  editor: Editor;
  flush: () => Promise<void>;
  base: () => number;
  /** The editor now holds this (a restored revision); `revision` is the server's. */
  replace: (doc: DocNode, revision: number, savedAt: string) => void;
  scrollTo: (pos: number) => void;
}

/** A section with its text: the editor is made from it. */
export type SectionWithText = Section & { docJson: string };

interface Props {
  section: SectionWithText;
  from: number | null;
  /** Where to put the cursor when it opens: a search match (text offset) or the saved cursor. */
  jump?: { at: number } | { position: number } | { block: number } | null;
  onFocus: (editor: Editor) => void;
  onSaved: (r: SaveResult, headings: OutlineHeading[]) => void;
  onStatus: (s: SaveStatus) => void;
  onHandle: (h: SectionHandle | null) => void;
  onPasteRefused: (message: string) => void;
  loadFresh: () => Promise<{ doc: DocNode; revision: number; savedAt: string | null } | null>;
}

/**
 * One section's text: a TipTap editor that saves itself (see useAutosave).
 * The document given is used once, at mount. Memoised: a save, a word count
 * or a status line elsewhere never re-renders an editor.
 */
export const SectionEditor = memo(function SectionEditor({ section, from, jump, onFocus, onSaved, onStatus, onHandle, onPasteRefused, loadFresh }: Props) {
  const { t } = useT();
  const extensions = useMemo(() => editorExtensions({ factsView: LiveFactsView }), []);
  // Read once, at mount: a reload of the dossier (a rename elsewhere) brings new text the editor does not take, so it is not parsed again.
  const content = useMemo(() => JSON.parse(section.docJson) as DocNode, [section.id]);
  const touchRef = useRef<() => void>(() => {});
  const refusedRef = useRef(onPasteRefused);
  refusedRef.current = onPasteRefused;
  const editor = useEditor(
    {
      extensions,
      content,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { class: 'dossier-text', 'data-testid': `editor-${section.id}`, spellcheck: 'true' },
        transformPastedHTML: cleanPastedHtml,
        handlePaste: (_view, event) => {
          const data = event.clipboardData;
          const size = Math.max(data?.getData('text/html').length ?? 0, data?.getData('text/plain').length ?? 0);
          if (size <= MAX_PASTE_MB * 1024 * 1024) return false;
          refusedRef.current(t('dossiers:errors.pasteTooLarge', { mb: (size / 1024 / 1024).toFixed(1), max: MAX_PASTE_MB }));
          return true;
        },
      },
      onUpdate: () => touchRef.current(),
    },
    [section.id],
  );
  const autosave = useAutosave({ sectionId: section.id, revision: section.revision, savedAt: section.savedAt, editor, from, onSaved });
  touchRef.current = autosave.touch;
  const handledJump = useRef<unknown>(null);

  useEffect(() => onStatus(autosave.status), [autosave.status, onStatus]);

  useEffect(() => {
    if (!editor) return;
    const focus = () => onFocus(editor);
    editor.on('focus', focus);
    const scrollTo = (pos: number) => {
      const p = Math.max(0, Math.min(pos, editor.state.doc.content.size));
      editor.chain().focus().setTextSelection(p).scrollIntoView().run();
      const dom = editor.view.domAtPos(p).node as HTMLElement;
      const el = dom.nodeType === 1 ? dom : dom.parentElement;
      if (el) keepInView(el);
    };
    onHandle({
      editor,
      flush: autosave.flush,
      base: autosave.base,
      replace: (doc, revision, savedAt) => {
        editor.commands.setContent(doc, { emitUpdate: false });
        autosave.rebase(revision, savedAt);
      },
      scrollTo,
    });
    return () => {
      editor.off('focus', focus);
      onHandle(null);
    };
  }, [editor, autosave.flush, autosave.base, autosave.rebase, onFocus, onHandle]);

  useEffect(() => {
    if (!editor || !jump || handledJump.current === jump) return;
    handledJump.current = jump;
    const target = 'at' in jump ? posOfTextOffset(editor.state.doc, editor.getJSON() as DocNode, jump.at) : 'block' in jump ? posOfTopBlock(editor.state.doc, jump.block) : jump.position;
    if (target === null) return;
    // After layout: the sections above must have their height before scrolling to this one.
    requestAnimationFrame(() => {
      const p = Math.max(0, Math.min(target, editor.state.doc.content.size));
      editor.chain().focus().setTextSelection(p).scrollIntoView().run();
      const dom = editor.view.domAtPos(p).node as HTMLElement;
      const el = dom.nodeType === 1 ? dom : dom.parentElement;
      if (el) keepInView(el);
    });
  }, [editor, jump]);

  const st = autosave.status;
  return (
    <div className="section-editor">
      {st.state === 'conflict' && (
        <div className="warning conflict" role="alert" data-testid={`conflict-${section.id}`}>
          <p>{st.message}</p>
          <div className="toolbar">
            <button type="button" className="primary" onClick={() => void autosave.keepMine()}>{t('dossiers:dossier.keepMine')}</button>
            <button type="button" onClick={() => void autosave.takeNewer(loadFresh)}>{t('dossiers:dossier.takeNewer')}</button>
          </div>
        </div>
      )}
      {st.state === 'error' && <p className="form-error" role="alert">{t('dossiers:errors.saveFailed', { message: st.message })}</p>}
      <EditorContent editor={editor} />
    </div>
  );
});
