import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Older than this, a work folder of ours is left from an import that never ended (the app killed mid-way). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh folder for an import's temporary files (`prefix` names what they
 * hold). An import removes its own when it ends however it ends; one that was
 * killed cannot, so folders of the same kind a day old are removed here.
 */
export function importWorkDir(prefix: 'rapport-lines-' | 'rapport-sheet-'): string {
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
