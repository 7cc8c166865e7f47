import type { DocNode } from './doc';
import { inlineText } from './doc';

/** What a line of the document is, for a diff a person can read ("heading changed", "checklist item ticked"). */
export const BLOCK_KINDS = ['heading1', 'heading2', 'heading3', 'heading4', 'paragraph', 'bullet', 'numbered', 'task', 'taskDone', 'cell', 'quote', 'code', 'facts', 'rule'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  kind: BlockKind;
  text: string;
}

export type WordOp = { op: 'same' | 'added' | 'removed'; text: string };
export type DiffLine =
  | { op: 'same' | 'added' | 'removed'; kind: BlockKind; text: string }
  | { op: 'changed'; kind: BlockKind; was: BlockKind; words: WordOp[] };

/** The document as a list of lines, each with the structure it sits in. */
export function blocksOf(doc: DocNode): Block[] {
  const out: Block[] = [];
  const walk = (n: DocNode, context: BlockKind | null) => {
    switch (n.type) {
      case 'heading': {
        const level = Math.min(4, Math.max(1, Number(n.attrs?.level ?? 1)));
        out.push({ kind: `heading${level}` as BlockKind, text: inlineText(n) });
        return;
      }
      case 'paragraph':
        out.push({ kind: context ?? 'paragraph', text: inlineText(n) });
        return;
      case 'codeBlock':
        out.push({ kind: 'code', text: inlineText(n) });
        return;
      case 'liveFacts':
        out.push({ kind: 'facts', text: n.attrs?.frozen ? String((n.attrs.frozen as { date?: string }).date ?? '') : '' });
        return;
      case 'horizontalRule':
        out.push({ kind: 'rule', text: '' });
        return;
      case 'bulletList':
        return n.content?.forEach((c) => walk(c, 'bullet'));
      case 'orderedList':
        return n.content?.forEach((c) => walk(c, 'numbered'));
      case 'taskList':
        return n.content?.forEach((c) => walk(c, c.attrs?.checked ? 'taskDone' : 'task'));
      case 'tableCell':
      case 'tableHeader':
        return n.content?.forEach((c) => walk(c, 'cell'));
      case 'blockquote':
        return n.content?.forEach((c) => walk(c, 'quote'));
      default:
        // doc, listItem, taskItem, table, tableRow: containers that keep the context they are in.
        return n.content?.forEach((c) => walk(c, context));
    }
  };
  walk(doc, null);
  return out;
}

type Op<T> = { op: 'same' | 'added' | 'removed'; a?: T; b?: T };

/** Longest-common-subsequence diff after trimming what both ends share; a middle too large to compare is shown as replaced. */
export function diffSequences<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean, maxCells = 4_000_000): Op<T>[] {
  let head = 0;
  while (head < a.length && head < b.length && eq(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && eq(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  const ops: Op<T>[] = a.slice(0, head).map((x) => ({ op: 'same', a: x, b: x }));
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);
  const n = ma.length;
  const m = mb.length;
  if (n * m > maxCells) {
    ops.push(...ma.map((x) => ({ op: 'removed' as const, a: x })), ...mb.map((y) => ({ op: 'added' as const, b: y })));
  } else {
    // lcs[i][j]: length of the LCS of ma[i..] and mb[j..], in one flat array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i * w + j] = eq(ma[i], mb[j]) ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && eq(ma[i], mb[j])) ops.push({ op: 'same', a: ma[i++], b: mb[j++] });
      else if (i < n && (j === m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) ops.push({ op: 'removed', a: ma[i++] });
      else ops.push({ op: 'added', b: mb[j++] });
    }
  }
  ops.push(...a.slice(a.length - tail).map((x) => ({ op: 'same' as const, a: x, b: x })));
  return ops;
}

const wordsOf = (s: string) => s.match(/\s+|[^\s]+/g) ?? [];

/** Word by word, for a line that changed. */
export function diffWords(a: string, b: string): WordOp[] {
  const out: WordOp[] = [];
  for (const o of diffSequences(wordsOf(a), wordsOf(b), (x, y) => x === y)) {
    const text = (o.op === 'added' ? o.b : o.a)!;
    const last = out[out.length - 1];
    if (last && last.op === o.op) last.text += text;
    else out.push({ op: o.op, text });
  }
  return out;
}

/**
 * What changed from one version of a section to another, line by line: a
 * removed line followed by an added one becomes one "changed" line with the
 * words that differ, so a corrected typo reads as a typo, not a new paragraph.
 */
export function diffDocs(older: DocNode, newer: DocNode): DiffLine[] {
  const ops = diffSequences(blocksOf(older), blocksOf(newer), (x, y) => x.kind === y.kind && x.text === y.text);
  const out: DiffLine[] = [];
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i];
    if (o.op === 'same') out.push({ op: 'same', kind: o.a!.kind, text: o.a!.text });
    else if (o.op === 'added') out.push({ op: 'added', kind: o.b!.kind, text: o.b!.text });
    else {
      // Pair a run of removed lines with the run of added lines that follows it.
      let r = i;
      while (r < ops.length && ops[r].op === 'removed') r++;
      let s = r;
      while (s < ops.length && ops[s].op === 'added') s++;
      const removed = ops.slice(i, r).map((o) => o.a!);
      const added = ops.slice(r, s).map((o) => o.b!);
      // A line is "changed" when it kept its text (a ticked checkbox) or its kind (an edited paragraph), in order.
      const pairOf = new Map<number, number>();
      const used = new Set<number>();
      let next = 0;
      added.forEach((b, ai) => {
        for (let ri = next; ri < removed.length; ri++) {
          if (removed[ri].text === b.text || removed[ri].kind === b.kind) {
            pairOf.set(ai, ri);
            used.add(ri);
            next = ri + 1;
            return;
          }
        }
      });
      removed.forEach((a, ri) => !used.has(ri) && out.push({ op: 'removed', kind: a.kind, text: a.text }));
      added.forEach((b, ai) => {
        const ri = pairOf.get(ai);
        out.push(ri === undefined ? { op: 'added', kind: b.kind, text: b.text } : { op: 'changed', kind: b.kind, was: removed[ri].kind, words: diffWords(removed[ri].text, b.text) });
      });
      i = s - 1;
    }
  }
  return out;
}
