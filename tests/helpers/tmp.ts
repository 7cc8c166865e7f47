import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A folder that lives for the whole test file (the browser suite shares one database across steps). */
export function tempDirOutsideTest(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
