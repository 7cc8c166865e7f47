/**
 * The editor's document as stored: TipTap's JSON (ProseMirror nodes). Text
 * for search, word counts, the outline and the Word/PDF exports is derived
 * from this one structure.
 */
export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
}

export const NODE_TYPES = [
  'doc', 'paragraph', 'heading', 'text', 'hardBreak', 'horizontalRule', 'blockquote', 'codeBlock',
  'bulletList', 'orderedList', 'listItem', 'taskList', 'taskItem',
  'table', 'tableRow', 'tableHeader', 'tableCell', 'liveFacts',
] as const;
export const MARK_TYPES = ['bold', 'italic', 'underline', 'strike', 'code', 'link'] as const;

/** Nodes whose content is text: each is one line of the derived text. */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

export const emptyDoc = (): DocNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

export const paragraph = (text: string): DocNode => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' });

/** A section's limits: far beyond a real dossier (≈ 600 pages of text), well below what would slow the app down. */
export const MAX_DOC_CHARS = 2_000_000;
export const MAX_DOC_NODES = 300_000;
const MAX_DEPTH = 60;

export type DocProblem = { key: 'dossiers:errors.docTooLarge'; params: { maximum: number } } | { key: 'dossiers:errors.docInvalid'; params: { what: string } };

const NODES = new Set<string>(NODE_TYPES);
const MARKS = new Set<string>(MARK_TYPES);
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks that a value is a document this editor wrote: known nodes and marks, within the limits. Null when it is fine. */
export function checkDoc(value: unknown): DocProblem | null {
  if (!isPlain(value) || value.type !== 'doc') return { key: 'dossiers:errors.docInvalid', params: { what: 'doc' } };
  let nodes = 0;
  let chars = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isPlain(node) || typeof node.type !== 'string' || !NODES.has(node.type)) return { key: 'dossiers:errors.docInvalid', params: { what: isPlain(node) ? String(node.type).slice(0, 40) : 'node' } };
    if (++nodes > MAX_DOC_NODES || depth > MAX_DEPTH) return { key: 'dossiers:errors.docTooLarge', params: { maximum: MAX_DOC_CHARS } };
    if (node.type === 'text') {
      if (typeof node.text !== 'string' || !node.text) return { key: 'dossiers:errors.docInvalid', params: { what: 'text' } };
      chars += node.text.length;
      if (chars > MAX_DOC_CHARS) return { key: 'dossiers:errors.docTooLarge', params: { maximum: MAX_DOC_CHARS } };
    }
    if (node.attrs !== undefined && !isPlain(node.attrs)) return { key: 'dossiers:errors.docInvalid', params: { what: `${node.type}.attrs` } };
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks) || node.marks.some((m) => !isPlain(m) || !MARKS.has(String(m.type)))) return { key: 'dossiers:errors.docInvalid', params: { what: 'marks' } };
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return { key: 'dossiers:errors.docInvalid', params: { what: `${node.type}.content` } };
      for (const child of node.content) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return null;
}

/** One text node's place in the derived text, and the child indices that lead to it. */
export interface TextPiece {
  path: number[];
  start: number;
  length: number;
}

/**
 * The document as plain text, one line per paragraph, heading or code block
 * (list items and table cells are made of paragraphs), hard breaks as line
 * breaks. `pieces` maps offsets in it back to text nodes.
 */
export function docText(doc: DocNode, withPieces = false): { text: string; pieces: TextPiece[] } {
  const out: string[] = [];
  let length = 0;
  let lineOpen = false;
  const pieces: TextPiece[] = [];
  const push = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const walk = (node: DocNode, path: number[]) => {
    if (node.type === 'text') {
      if (withPieces) pieces.push({ path, start: length, length: node.text!.length });
      push(node.text ?? '');
      return;
    }
    if (node.type === 'hardBreak') return push('\n');
    const block = TEXTBLOCKS.has(node.type);
    if (block) {
      if (lineOpen || length > 0) push('\n');
      lineOpen = true;
    }
    node.content?.forEach((c, i) => walk(c, withPieces ? [...path, i] : path));
  };
  walk(doc, []);
  return { text: out.join(''), pieces };
}

export const plainText = (doc: DocNode): string => docText(doc).text;

/** The text node and offset inside it at an offset of the derived text (the nearest one before it). */
export function pieceAt(doc: DocNode, offset: number): { path: number[]; offset: number } | null {
  const { pieces } = docText(doc, true);
  let hit: TextPiece | null = null;
  for (const p of pieces) {
    if (p.start > offset) break;
    hit = p;
  }
  if (!hit) return pieces[0] ? { path: pieces[0].path, offset: 0 } : null;
  return { path: hit.path, offset: Math.min(hit.length, offset - hit.start) };
}

const inlineText = (node: DocNode): string => (node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? ' ' : (node.content ?? []).map(inlineText).join(''));

/** The top-level headings, for the outline beside the text. */
export function headingsOf(doc: DocNode): { index: number; level: number; text: string }[] {
  return (doc.content ?? []).flatMap((n, index) => (n.type === 'heading' ? [{ index, level: Number(n.attrs?.level ?? 1), text: inlineText(n).trim() }] : []));
}

/** True when the section holds nothing a reader would see: no text, no table, no facts block. */
export function isEmptyDoc(doc: DocNode): boolean {
  const stack = [doc];
  while (stack.length) {
    const n = stack.pop()!;
    if ((n.type === 'text' && n.text?.trim()) || n.type === 'liveFacts' || n.type === 'table' || n.type === 'horizontalRule') return false;
    if (n.content) stack.push(...n.content);
  }
  return true;
}

export { inlineText };
