import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocNode } from '../../../../shared/features/dossiers/doc';
import type { SaveResult } from '../../../../shared/features/dossiers/types';
import { ApiError, call } from '../../lib/api';

/**
 * Typing marks the section dirty; the save goes out 300 ms after the last
 * keystroke and never later than 700 ms after the first unsaved one, so a
 * crash loses at most about a second. The JSON is taken in a timer, never in
 * a keystroke's handler. A refused save (another window saved first) stops
 * autosaving and keeps the text until the user decides.
 */
const QUIET_MS = 300;
const MAX_WAIT_MS = 700;
const RETRY_MS = 2000;
/** Above this many top-level blocks a save sends only the blocks that changed since the last one. */
const PATCH_ABOVE = 30;

export interface OutlineHeading {
  index: number;
  level: number;
  text: string;
}

/** The top-level headings of the editor's document, for the outline. */
export function headingsOfPm(doc: PmNode): OutlineHeading[] {
  const out: OutlineHeading[] = [];
  doc.forEach((n, _offset, index) => {
    if (n.type.name === 'heading') out.push({ index, level: Number(n.attrs.level ?? 1), text: n.textContent.trim() });
  });
  return out;
}

/**
 * The blocks that differ between the document last saved and now. ProseMirror
 * shares unchanged nodes between versions, so comparing by identity is enough.
 */
function patchOf(prev: PmNode, cur: PmNode) {
  const a = prev.childCount;
  const b = cur.childCount;
  let i = 0;
  while (i < a && i < b && prev.child(i) === cur.child(i)) i++;
  let j = 0;
  while (j < a - i && j < b - i && prev.child(a - 1 - j) === cur.child(b - 1 - j)) j++;
  const nodes: DocNode[] = [];
  for (let k = i; k < b - j; k++) nodes.push(cur.child(k).toJSON() as DocNode);
  return { from: i, to: a - j, nodes, count: b };
}

export type SaveStatus = { state: 'saved'; at: string | null } | { state: 'dirty' } | { state: 'saving' } | { state: 'error'; message: string } | { state: 'conflict'; message: string; theirs: number };

export function useAutosave(opts: { sectionId: number; revision: number; savedAt: string | null; editor: Editor | null; from: number | null; onSaved: (r: SaveResult, headings: OutlineHeading[]) => void }) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: opts.savedAt });
  // `saved`: the document as the server has it at `base`, for sending only what changed since (null: send it whole).
  const s = useRef({ base: opts.revision, dirty: false, saving: null as Promise<void> | null, timer: 0, firstDirty: 0, conflict: false, saved: null as PmNode | null });
  const latest = useRef(opts);
  latest.current = opts;

  const save = useCallback((): Promise<void> => {
    const st = s.current;
    window.clearTimeout(st.timer);
    st.timer = 0;
    const editor = latest.current.editor;
    if (!editor || editor.isDestroyed || st.conflict) return Promise.resolve();
    if (st.saving) return st.saving.then(() => (s.current.dirty ? save() : undefined));
    if (!st.dirty) return Promise.resolve();
    st.dirty = false;
    st.firstDirty = 0;
    const cur = editor.state.doc;
    const content = st.saved && cur.childCount > PATCH_ABOVE ? { patch: patchOf(st.saved, cur) } : { doc: cur.toJSON() as DocNode };
    const position = editor.state.selection.from;
    setStatus({ state: 'saving' });
    st.saving = call('dossiers.saveSection', { sectionId: latest.current.sectionId, baseRevision: st.base, ...content, position }, { from: latest.current.from ?? undefined })
      .then(
        (r) => {
          st.base = r.revision;
          st.saved = cur;
          latest.current.onSaved(r, headingsOfPm(cur));
          if (!st.dirty) setStatus({ state: 'saved', at: r.savedAt });
        },
        (err: unknown) => {
          st.dirty = true;
          // A change the server could not apply to its copy: send the whole text next time.
          if (err instanceof ApiError && err.error.issues?.some((i) => i.key === 'dossiers:errors.patchInvalid')) {
            st.saved = null;
            st.timer = window.setTimeout(() => void save(), QUIET_MS);
            return;
          }
          if (err instanceof ApiError && err.error.code === 'conflict' && (err.error.key === 'dossiers:errors.staleSave' || err.error.key === 'dossiers:errors.aheadSave')) {
            st.conflict = true;
            setStatus({ state: 'conflict', message: err.message, theirs: Number(err.error.params?.theirs ?? 0) });
            return;
          }
          setStatus({ state: 'error', message: err instanceof Error ? err.message : String(err) });
          window.clearTimeout(st.timer);
          st.timer = window.setTimeout(() => void save(), RETRY_MS);
        },
      )
      .finally(() => {
        st.saving = null;
        if (st.dirty && !st.conflict && !st.timer) st.timer = window.setTimeout(() => void save(), QUIET_MS);
      });
    return st.saving;
  }, []);

  /** Called on every change of the document. */
  const touch = useCallback(() => {
    const st = s.current;
    st.dirty = true;
    const now = performance.now();
    if (!st.firstDirty) st.firstDirty = now;
    window.clearTimeout(st.timer);
    st.timer = window.setTimeout(() => void save(), Math.max(0, Math.min(QUIET_MS, MAX_WAIT_MS - (now - st.firstDirty))));
    setStatus((x) => (x.state === 'dirty' || x.state === 'conflict' ? x : { state: 'dirty' }));
  }, [save]);

  /** After a conflict: keep this window's text, the other version going into the history. */
  const keepMine = useCallback(async () => {
    const st = s.current;
    const editor = latest.current.editor;
    if (!editor || status.state !== 'conflict') return;
    const cur = editor.state.doc;
    const r = await call('dossiers.saveSection', { sectionId: latest.current.sectionId, baseRevision: status.theirs, doc: cur.toJSON() as DocNode, keepReplaced: true }, { from: latest.current.from ?? undefined });
    st.base = r.revision;
    st.saved = cur;
    st.conflict = false;
    st.dirty = false;
    latest.current.onSaved(r, headingsOfPm(cur));
    setStatus({ state: 'saved', at: r.savedAt });
  }, [status]);

  /** After a conflict: this window's text goes into the history and the editor shows the newer version. */
  const takeNewer = useCallback(async (load: () => Promise<{ doc: DocNode; revision: number; savedAt: string | null } | null>) => {
    const st = s.current;
    const editor = latest.current.editor;
    if (!editor) return;
    await call('dossiers.keepCopy', { sectionId: latest.current.sectionId, doc: editor.getJSON() as DocNode });
    const fresh = await load();
    if (!fresh) return;
    editor.commands.setContent(fresh.doc, { emitUpdate: false });
    st.base = fresh.revision;
    st.saved = null;
    st.conflict = false;
    st.dirty = false;
    setStatus({ state: 'saved', at: fresh.savedAt });
  }, []);

  /** A new base after a restore from the history: the editor now holds what the server holds. */
  const rebase = useCallback((revision: number, at: string) => {
    s.current.base = revision;
    s.current.saved = null;
    s.current.dirty = false;
    setStatus({ state: 'saved', at });
  }, []);

  // Leaving the page or the dossier sends what is pending at once.
  useEffect(() => {
    const flush = () => void save();
    window.addEventListener('pagehide', flush);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [save]);

  return { status, touch, flush: save, keepMine, takeNewer, rebase, base: () => s.current.base };
}
