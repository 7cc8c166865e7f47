import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * node_modules holds better-sqlite3 built for Node (tests, CLI). Unpackaged
 * Electron loads the copy `npm start` builds for Electron's ABI into
 * .electron-native/<electron version>/; a packaged app has electron-builder's
 * rebuilt copy in its own node_modules and needs no override.
 */
export function electronNativeBinding(appRoot: string, electronVersion: string | undefined, packaged: boolean): string | undefined {
  if (packaged || !electronVersion) return undefined;
  const file = join(appRoot, '.electron-native', electronVersion, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
