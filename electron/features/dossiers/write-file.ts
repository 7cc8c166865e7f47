import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes next to the target and renames: a failed or killed export never leaves half a file under the user's name. */
export function writeWhole(path: string, bytes: Uint8Array): void {
  const partial = `${path}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}
