import type { Node as PmNode } from '@tiptap/pm/model';
import { pieceAt, type DocNode } from '../../../../../shared/features/dossiers/doc';

/** The document position of a text node reached by child indices (as in the JSON), plus an offset inside it. */
export function posOfPath(doc: PmNode, path: number[], offset: number): number {
  let pos = 0;
  let node = doc;
  for (const i of path) {
    if (i >= node.childCount) break;
    for (let k = 0; k < i; k++) pos += node.child(k).nodeSize;
    const child = node.child(i);
    if (child.isText) return pos + Math.min(offset, child.nodeSize);
    pos += 1;
    node = child;
  }
  return pos;
}

/** Where an offset of the section's derived text (a search match) is in the editor. */
export function posOfTextOffset(doc: PmNode, json: DocNode, at: number): number | null {
  const hit = pieceAt(json, at);
  return hit ? posOfPath(doc, hit.path, hit.offset) : null;
}

/** The position just inside a top-level block (a heading the outline jumps to). */
export function posOfTopBlock(doc: PmNode, index: number): number {
  let pos = 0;
  for (let k = 0; k < index && k < doc.childCount; k++) pos += doc.child(k).nodeSize;
  return pos + 1;
}
