import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../errors';

/** How long a finished report waits to be fetched before its file is removed. */
const KEEP_MS = 10 * 60_000;

/**
 * Report workbooks written by a worker to temporary files, each known to the
 * window only by a random token: the window cannot name any other file.
 * Taking one reads it once and removes it.
 */
export function workbookFiles() {
  const files = new Map<string, { path: string; fileName: string; readyAt: number | null }>();
  const prune = () => {
    const now = Date.now();
    for (const [token, f] of files) {
      if (f.readyAt !== null && now - f.readyAt > KEEP_MS) {
        rmSync(f.path, { force: true });
        files.delete(token);
      }
    }
  };
  return {
    reserve(fileName: string): { token: string; path: string } {
      prune();
      const token = randomUUID();
      const path = join(tmpdir(), `rapport-report-${token}.xlsx`);
      files.set(token, { path, fileName, readyAt: null });
      return { token, path };
    },
    ready(token: string): void {
      const f = files.get(token);
      if (f) f.readyAt = Date.now();
    },
    take(token: string): { fileName: string; base64: string } {
      const f = files.get(token);
      if (!f || f.readyAt === null) throw new AppError('not_found', 'common:errors.jobUnknown');
      files.delete(token);
      try {
        return { fileName: f.fileName, base64: readFileSync(f.path).toString('base64') };
      } finally {
        rmSync(f.path, { force: true });
      }
    },
  };
}
