import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../../../electron/platform';
import { backupDir } from '../../../electron/db/backups';

/** The OS's secret store as a reversible stand-in (the real one is Electron's safeStorage): it unseals only what it sealed. */
export function fakeSecrets(protection: 'os' | 'weak' | 'none' = 'os', machine = 'this-laptop'): SecretStore & { sealed: number } {
  const store = {
    sealed: 0,
    protection: () => protection,
    seal: (s: string) => {
      if (protection === 'none') throw new Error('no secret store');
      store.sealed++;
      return new Uint8Array(Buffer.from(`${machine}:${Buffer.from(s).toString('base64')}`));
    },
    unseal: (b: Uint8Array) => {
      const t = Buffer.from(b).toString();
      if (!t.startsWith(`${machine}:`)) throw new Error('sealed on another computer');
      return Buffer.from(t.slice(machine.length + 1), 'base64').toString();
    },
  };
  return store;
}

/** Which of the canaries appear in a file's bytes, as UTF-8 (what a thief with a hex editor would find). */
export function canariesIn(file: string, canaries: string[]): string[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  return canaries.filter((c) => bytes.includes(Buffer.from(c, 'utf8')));
}

/** The database, its WAL and every backup: every place a copy of the data can sit. */
export function dataFiles(dbPath: string): string[] {
  const dir = backupDir(dbPath);
  return [dbPath, `${dbPath}-wal`, ...(existsSync(dir) ? readdirSync(dir).map((n) => join(dir, n)) : [])].filter((f) => existsSync(f));
}
