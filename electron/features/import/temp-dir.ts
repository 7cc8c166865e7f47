import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Older than this, a work folder of ours is left from an import that never ended (the app killed mid-way). */
const STALE_MS = 24 * 60 * 60 * 1000;

export type WorkKind = 'rapport-lines-' | 'rapport-sheet-';

/**
 * A fresh folder for an import's temporary files (`prefix` names what they
 * hold). An import removes its own when it ends however it ends; one that was
 * killed cannot, so folders of the same kind a day old are removed here.
 */
function importWorkDir(prefix: WorkKind): string {
  const root = tmpdir();
  try {
    const now = Date.now();
    for (const name of readdirSync(root)) {
      if (!name.startsWith(prefix)) continue;
      const path = join(root, name);
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // Only tidying: a folder we cannot read or remove is left as it is.
  }
  return mkdtempSync(join(root, prefix));
}

/**
 * Numbered files an import appends to and reads back, in one work folder
 * made on the first write and removed, files and all, by `close`.
 */
export class WorkFiles {
  private dir: string | null = null;
  private readonly fds: number[] = [];
  private readonly lengths: number[] = [];
  constructor(private readonly kind: WorkKind) {}

  /** Bytes in file `n` (0 before its first write). */
  length(n: number): number {
    return this.lengths[n] ?? 0;
  }

  append(n: number, bytes: Uint8Array): void {
    this.dir ??= importWorkDir(this.kind);
    if (this.fds[n] === undefined) (this.fds[n] = openSync(join(this.dir, String(n)), 'w+')), (this.lengths[n] = 0);
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fds[n], bytes, done, bytes.length - done, this.lengths[n] + done);
    this.lengths[n] += bytes.length;
  }

  /** Fills `into` from `offset` of file `n`, or as much as the file has; returns the bytes read. */
  read(n: number, into: Uint8Array, offset: number): number {
    let got = 0;
    while (got < into.length) {
      const k = readSync(this.fds[n], into, got, into.length - got, offset + got);
      if (k === 0) break;
      got += k;
    }
    return got;
  }

  close(): void {
    for (const fd of this.fds) if (fd !== undefined) closeSync(fd);
    this.fds.length = 0;
    this.lengths.length = 0;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
