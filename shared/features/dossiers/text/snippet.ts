import { fold, foldWithMap, TOKEN_CHAR } from './fold';
import type { QueryTerm } from './query';
import { hasNoSpaceScript, segmentRun } from './segment';

/** A piece of a text around the best match, with the matched words marked. */
export interface Snippet {
  text: string;
  /** [start, end) of each match inside `text`. */
  marks: [number, number][];
  /** Where the first marked match starts in the whole text: the editor opens there. */
  at: number;
}

interface Match {
  term: number;
  start: number;
  end: number;
}

const MAX_MATCHES = 200;

/** Word boundaries of the Thai (or similar) run around `pos`, as offsets in the text. */
function runBoundaries(text: string, pos: number, memo: Map<number, Set<number>>): Set<number> {
  let a = pos;
  while (a > 0 && hasNoSpaceScript(text[a - 1])) a--;
  const hit = memo.get(a);
  if (hit) return hit;
  let b = pos;
  while (b < text.length && hasNoSpaceScript(text[b])) b++;
  const set = new Set<number>([a, b]);
  const run = text.slice(a, b);
  for (const p of segmentRun(run)) set.add(a + p.index);
  memo.set(a, set);
  return set;
}

/** Where to look closely: the line (paragraph) whose folded text holds the most of the query's words. */
function bestLines(text: string, terms: QueryTerm[]): number[] {
  const starts: { at: number; score: number }[] = [];
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const f = fold(text.slice(at, end));
    let score = 0;
    for (const t of terms) if (f.includes(t.tokens[0]) || (t.whole !== null && f.includes(t.whole))) score++;
    if (score) starts.push({ at, score });
    // A few full candidates are enough: a Thai word can be found inside longer words, which the close look rejects.
    if (starts.filter((x) => x.score === terms.length).length >= 3) break;
    at = end + 1;
  }
  return starts.sort((a, b) => b.score - a.score || a.at - b.at).slice(0, 4).map((s) => s.at);
}

/** How much text after a chosen line's start is examined: the paragraph and some context after it. */
const WINDOW = 700;

/**
 * Finds the query's words in a text the way the index matched them (folded;
 * whole words; Thai words at the segmenter's boundaries) and cuts a snippet
 * around the place where most of them meet. Only the few paragraphs that can
 * hold the words are examined closely, so a 70-page section costs no more
 * than a short one.
 */
export function snippetOf(text: string, terms: QueryTerm[], opts: { before?: number; length?: number } = {}): Snippet {
  if (text.length > WINDOW) {
    let fallback: Snippet | null = null;
    for (const at of bestLines(text, terms)) {
      const from = Math.max(0, at - (opts.before ?? 60));
      const piece = snippetIn(text.slice(from, at + WINDOW), terms, opts);
      const shifted = { ...piece, at: piece.at + from, text: from > 0 && !piece.text.startsWith('…') ? `…${piece.text}` : piece.text };
      if (from > 0 && !piece.text.startsWith('…')) shifted.marks = piece.marks.map(([a, b]) => [a + 1, b + 1] as [number, number]);
      if (at + WINDOW < text.length && !shifted.text.endsWith('…')) shifted.text += '…';
      if (piece.marks.length) return shifted;
      fallback ??= shifted;
    }
    return fallback ?? snippetIn(text.slice(0, WINDOW), terms, opts);
  }
  return snippetIn(text, terms, opts);
}

function snippetIn(text: string, terms: QueryTerm[], opts: { before?: number; length?: number }): Snippet {
  const before = opts.before ?? 60;
  const length = opts.length ?? 220;
  const { folded, from } = foldWithMap(text);
  const origAt = (i: number) => (i < from.length ? from[i] : text.length);
  const memo = new Map<number, Set<number>>();
  const boundary = (foldedPos: number): boolean => {
    const prev = foldedPos > 0 ? folded[foldedPos - 1] : '';
    const next = foldedPos < folded.length ? folded[foldedPos] : '';
    if (!prev || !next || !TOKEN_CHAR.test(prev) || !TOKEN_CHAR.test(next)) return true;
    if (!hasNoSpaceScript(prev) || !hasNoSpaceScript(next)) return false;
    const o = origAt(foldedPos);
    return runBoundaries(text, o, memo).has(o);
  };
  const matches: Match[] = [];
  terms.forEach((term, ti) => {
    const alternatives = term.whole ? [term.tokens, [term.whole]] : [term.tokens];
    for (const tokens of alternatives) {
      let pos = 0;
      while (matches.length < MAX_MATCHES) {
        const start = folded.indexOf(tokens[0], pos);
        if (start < 0) break;
        pos = start + 1;
        if (!boundary(start)) continue;
        let end = start + tokens[0].length;
        let ok = true;
        for (let k = 1; k < tokens.length && ok; k++) {
          // Between the words of a phrase only separators (none inside a Thai run).
          let j = end;
          while (j < folded.length && !TOKEN_CHAR.test(folded[j])) j++;
          if (j - end > 8 || !folded.startsWith(tokens[k], j) || !boundary(j)) ok = false;
          else end = j + tokens[k].length;
        }
        if (!ok) continue;
        if (!term.prefix && !boundary(end)) continue;
        matches.push({ term: ti, start, end });
      }
    }
  });
  matches.sort((a, b) => a.start - b.start || b.end - a.end);

  // The window where the most different words of the query meet; the earliest on a tie.
  let anchor = matches[0];
  let best = 0;
  for (const m of matches) {
    const seen = new Set<number>();
    const limit = origAt(m.start) + length - before;
    for (const o of matches) if (o.start >= m.start && origAt(o.start) <= limit) seen.add(o.term);
    if (seen.size > best) (best = seen.size), (anchor = m);
  }
  const anchorAt = anchor ? origAt(anchor.start) : 0;
  let start = Math.max(0, anchorAt - before);
  if (start > 0) {
    const space = text.slice(start, anchorAt).search(/\s/);
    if (space >= 0 && space < 20) start += space + 1;
  }
  // Inside a Thai run there are no spaces to cut at: cut at a word boundary instead.
  const inRun = (pos: number) => pos > 0 && pos < text.length && hasNoSpaceScript(text[pos]) && hasNoSpaceScript(text[pos - 1]);
  if (inRun(start) && start < anchorAt) start = Math.min(anchorAt, Math.min(...[...runBoundaries(text, start, memo)].filter((b) => b >= start)));
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const cut = text.slice(Math.max(start, end - 25), end).search(/\s\S*$/);
    if (cut > 0) end = Math.max(start, end - 25) + cut;
    else if (inRun(end)) end = Math.max(start + 1, Math.max(...[...runBoundaries(text, end, memo)].filter((b) => b <= end)));
  }
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const marks: [number, number][] = [];
  for (const m of matches) {
    const s = origAt(m.start);
    const e = origAt(m.end);
    if (s < start || e > end) continue;
    const last = marks[marks.length - 1];
    const ms = s - start + lead.length;
    if (last && ms < last[1]) continue;
    marks.push([ms, e - start + lead.length]);
  }
  return { text: `${lead}${body}${end < text.length ? '…' : ''}`, marks, at: anchorAt };
}

/** The snippet with its marks as **word**: how the command line prints it. */
export const markedText = (s: Snippet): string => {
  let out = '';
  let i = 0;
  for (const [a, b] of s.marks) (out += `${s.text.slice(i, a)}**${s.text.slice(a, b)}**`), (i = b);
  return out + s.text.slice(i);
};
