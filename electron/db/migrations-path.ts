import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The migrations ship as files (inside the asar when packaged). The code that
 * needs them runs from source (tests, CLI via tsx) or from out/main (bundle),
 * so walk up from here to the folder that holds electron/db/migrations.
 */
export function findMigrationsFolder(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'electron', 'db', 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    if (existsSync(join(dir, 'meta', '_journal.json')) && dir.endsWith('migrations')) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find electron/db/migrations above ${start}`);
    dir = parent;
  }
}
