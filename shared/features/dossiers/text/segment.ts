/**
 * Words in scripts written without spaces (Thai, Lao, Khmer, Myanmar) come
 * from ICU's dictionary word break, through Intl.Segmenter. V8's segmenter
 * slows down sharply on long strings (a 78,000-character run took 14 s here,
 * the same text in runs split at spaces 33 ms), so it only ever sees one run
 * of such script at a time, and runs are cut into windows of at most
 * WINDOW characters.
 */
export const NO_SPACE_RUN = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]+/g;
const HAS_NO_SPACE = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/;
const WINDOW = 600;

let segmenter: Intl.Segmenter | null = null;
const words = () => (segmenter ??= new Intl.Segmenter('th', { granularity: 'word' }));

export const hasNoSpaceScript = (s: string): boolean => HAS_NO_SPACE.test(s);

export interface Piece {
  /** Offset inside the run. */
  index: number;
  segment: string;
  isWordLike: boolean;
}

/** The segments of one run; a long run is cut at the last segment boundary of each window, so no word is split by the cut. */
export function segmentRun(run: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  while (start < run.length) {
    const end = Math.min(run.length, start + WINDOW);
    const pieces = [...words().segment(run.slice(start, end))];
    // Keep the window's last segment for the next window unless the run ends here: it may be a word cut in two.
    const keep = end < run.length && pieces.length > 1 ? pieces.length - 1 : pieces.length;
    for (let i = 0; i < keep; i++) out.push({ index: start + pieces[i].index, segment: pieces[i].segment, isWordLike: pieces[i].isWordLike ?? false });
    start = keep === pieces.length ? end : start + pieces[keep].index;
  }
  return out;
}

/** The text with a space between the words of every no-space run: what the full-text tokenizer can split. */
export function spaceWords(text: string): string {
  if (!HAS_NO_SPACE.test(text)) return text;
  return text.replace(NO_SPACE_RUN, (run) => segmentRun(run).map((p) => p.segment).join(' '));
}

/** Words as a reader counts them: letters-and-digits runs, and dictionary words inside Thai (and similar) runs. */
export function countWords(text: string): number {
  let n = 0;
  const rest = HAS_NO_SPACE.test(text)
    ? text.replace(NO_SPACE_RUN, (run) => {
        for (const p of segmentRun(run)) if (p.isWordLike) n++;
        return ' ';
      })
    : text;
  const m = rest.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu);
  return n + (m ? m.length : 0);
}
