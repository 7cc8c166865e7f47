import { WorkFiles } from './temp-dir';
import { Cancelled } from '../../errors';
import { HashSet } from './line-hash';

/**
 * The lines of a file too long for its keys to stay in memory. Once the
 * line set is full, a line whose key it does not hold is taken as new for
 * the moment and its key written here; at the end of the file each key's
 * later lines are found and judged again. A per-line lookup on disk would
 * cost 5–7 µs a line (a SQLite B-tree of 4M keys); this costs a buffered
 * append per line and one read of the file at the end.
 *
 * The keys are split by their top bits into PARTS files, written in line
 * order, so each part is settled on its own with a table of its share of the
 * keys: memory stays at a part's size however long the file.
 */

const PART_BITS = 6;
const PARTS = 1 << PART_BITS;
/** hi, lo, the line's place among the lines taken (or -1), a spare word; then quantity and amount as doubles. */
const RECORD_BYTES = 32;
const BUFFER_RECORDS = 1024;

/** A spilled line that repeats an earlier line of the file. */
export type RepeatFn = (taken: number, quantity: number, amount: number) => void;

export class LineSpill {
  private readonly files = new WorkFiles('rapport-lines-');
  private readonly buffers = Array.from({ length: PARTS }, () => new ArrayBuffer(BUFFER_RECORDS * RECORD_BYTES));
  private readonly words = this.buffers.map((b) => new Int32Array(b));
  private readonly doubles = this.buffers.map((b) => new Float64Array(b));
  private readonly filled = new Int32Array(PARTS);

  /**
   * `taken`: the line's place among the lines the import takes (0 for the
   * first), or -1 for a line it does not take (a duplicate of a stored line):
   * such a line still makes later copies repeats, but is never one. hi and
   * lo are never both 0 (FieldHash's promise; the tables use it for empty).
   */
  add(hi: number, lo: number, taken: number, quantity: number, amount: number): void {
    const part = hi >>> (32 - PART_BITS);
    const n = this.filled[part];
    const w = this.words[part];
    const d = this.doubles[part];
    w[n * 8] = hi;
    w[n * 8 + 1] = lo;
    w[n * 8 + 2] = taken;
    d[n * 4 + 2] = quantity;
    d[n * 4 + 3] = amount;
    if (++this.filled[part] === BUFFER_RECORDS) this.write(part);
  }

  /**
   * Calls `repeat` for every taken line whose key an earlier line here had, then removes the files.
   * Asks `isCancelled` before each part (a second or two for millions of lines in all) and throws Cancelled.
   */
  settle(repeat: RepeatFn, isCancelled: () => boolean = () => false): void {
    try {
      for (let part = 0; part < PARTS; part++) this.write(part);
      const chunk = new ArrayBuffer(BUFFER_RECORDS * RECORD_BYTES);
      const w = new Int32Array(chunk);
      const d = new Float64Array(chunk);
      const bytes = new Uint8Array(chunk);
      for (let part = 0; part < PARTS; part++) {
        if (isCancelled()) throw new Cancelled('import:theImport');
        const length = this.files.length(part);
        if (length < 2 * RECORD_BYTES) continue;
        const seen = new HashSet(length / RECORD_BYTES);
        // Parts are whole records and the chunk is too, so every read but the last fills it.
        for (let offset = 0; offset < length; ) {
          const got = this.files.read(part, bytes, offset);
          if (got === 0) break;
          for (let r = 0; r < got / RECORD_BYTES; r++) {
            const was = seen.add(w[r * 8] >>> 0, w[r * 8 + 1] >>> 0);
            if (was && w[r * 8 + 2] >= 0) repeat(w[r * 8 + 2], d[r * 4 + 2], d[r * 4 + 3]);
          }
          offset += got;
        }
      }
    } finally {
      this.close();
    }
  }

  /** Removes the files; nothing is settled. */
  close(): void {
    this.files.close();
  }

  private write(part: number): void {
    const n = this.filled[part];
    if (n === 0) return;
    this.files.append(part, new Uint8Array(this.buffers[part], 0, n * RECORD_BYTES));
    this.filled[part] = 0;
  }
}
