import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Older than this, a work folder whose owner cannot be told is taken as left from an import that never ended. */
const STALE_MS = 24 * 60 * 60 * 1000;

const KINDS = ['rapport-lines-', 'rapport-sheet-'] as const;
export type WorkKind = (typeof KINDS)[number];

/** The process that made a work folder (`<kind><pid>-<random>`), or null for a folder named before the pid was in it. */
function ownerOf(name: string, kind: WorkKind): number | null {
  const m = /^(\d+)-/.exec(name.slice(kind.length));
  return m ? Number(m[1]) : null;
}

/** Signal 0 only asks whether the process exists; EPERM is one that exists under another user. */
function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes the work folders of imports that never ended (the app killed
 * mid-way, a power cut): at once when the process that made one is gone,
 * after a day when that cannot be told (a folder of an older version).
 * An import removes its own when it ends however it ends. Returns the
 * folders removed. Only tidying: one that cannot be read or removed stays.
 */
export function sweepImportWork(root = tmpdir()): string[] {
  const now = Date.now();
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const kind = KINDS.find((k) => name.startsWith(k));
    if (!kind) continue;
    const path = join(root, name);
    try {
      const owner = ownerOf(name, kind);
      if (owner !== null ? processGone(owner) : now - statSync(path).mtimeMs > STALE_MS) {
        rmSync(path, { recursive: true, force: true });
        removed.push(path);
      }
    } catch {
      // Left as it is.
    }
  }
  return removed;
}

/** A fresh folder for an import's temporary files (`kind` names what they hold), named with this process's id. */
function importWorkDir(kind: WorkKind): string {
  sweepImportWork();
  return mkdtempSync(join(tmpdir(), `${kind}${process.pid}-`));
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
