import { WorkFiles } from './temp-dir';
import type { RawRow } from '../../../shared/features/import/table';

/**
 * A worksheet's rows, read once and walked as often as the import needs.
 * exceljs reads a sheet asynchronously and the import walks rows
 * synchronously, so the rows are kept in between: in memory while the sheet
 * is small, then as lines of JSON in a temporary file. Held as objects, a
 * 1,000,000-row sheet took 414 MB on top of exceljs's own (748 MB peak).
 * Cells are text, numbers and nulls, which JSON keeps exactly (but for -0,
 * which comes back as 0: the importer judges, hashes and sums both alike).
 */

/** Rows held as objects; past this they go to a file (a row of eight cells is about 400 bytes as objects). */
export const ROWS_IN_MEMORY = 20_000;
const READ_BYTES = 1 << 20;
const WRITE_BYTES = 1 << 20;

export class RowSpool {
  private rows: RawRow[] = [];
  private readonly files = new WorkFiles('rapport-sheet-');
  /** Past memory: the rows go to file 0. */
  private onDisk = false;
  private pending: string[] = [];
  private pendingChars = 0;
  size = 0;

  constructor(private readonly inMemory = ROWS_IN_MEMORY) {}

  add(row: RawRow): void {
    this.size++;
    if (!this.onDisk && this.rows.length < this.inMemory) {
      this.rows.push(row);
      return;
    }
    if (!this.onDisk) {
      this.onDisk = true;
      for (const r of this.rows) this.queue(r);
      this.rows = [];
    }
    this.queue(row);
  }

  /** Writes what is queued: call once the last row is added. */
  end(): void {
    if (!this.pending.length) return;
    this.files.append(0, Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingChars = 0;
  }

  /** Every row in order; `fn` returning false stops the walk. */
  forEach(fn: (row: RawRow, index: number) => boolean | void): void {
    if (!this.onDisk) {
      for (let i = 0; i < this.rows.length; i++) if (fn(this.rows[i], i) === false) return;
      return;
    }
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    let index = 0;
    const length = this.files.length(0);
    for (let at = 0; at < length; ) {
      const got = this.files.read(0, buf, at);
      if (got === 0) break;
      at += got;
      const chunk = carry.length ? Buffer.concat([carry, buf.subarray(0, got)]) : buf.subarray(0, got);
      // Cut at the last line break: a letter's bytes never include 0x0a, so the cut is never inside one.
      const last = chunk.lastIndexOf(10);
      const whole = chunk.toString('utf8', 0, last + 1);
      carry = Buffer.from(chunk.subarray(last + 1));
      for (let from = 0; from < whole.length; ) {
        const to = whole.indexOf('\n', from);
        if (fn(JSON.parse(whole.slice(from, to)) as RawRow, index++) === false) return;
        from = to + 1;
      }
    }
  }

  /** Removes the file, if there is one. */
  close(): void {
    this.files.close();
    this.onDisk = false;
    this.rows = [];
  }

  private queue(row: RawRow): void {
    const line = JSON.stringify(row) + '\n';
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= WRITE_BYTES) this.end();
  }
}
