import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, scryptSync, type ScryptOptions } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { fileState, isDatabaseKey, type DatabaseKey } from '../../db/connection';
import type { SecretStore } from '../../platform';
import type { KeyProtection } from '../../../shared/features/privacy/types';

/** A new random 256-bit database key. */
export const newKey = (): DatabaseKey => randomBytes(32).toString('hex');

/** The key as people write it down: 16 groups of 4 hex digits. The recovery key is the key itself, so it opens the file anywhere (also with SQLite3 Multiple Ciphers' own tools, as x'…'). */
export const formatRecoveryKey = (key: DatabaseKey): string => key.toUpperCase().match(/.{4}/g)!.join('-');

/** A key as typed or pasted: the grouped recovery key, 64 hex digits, or the x'…' form SQLite takes; null when it is none of those. */
export function parseKey(text: string): DatabaseKey | null {
  const bare = text.trim().replace(/^x'(.*)'$/i, '$1').replace(/[\s-]/g, '').toLowerCase();
  return isDatabaseKey(bare) ? bare : null;
}

/**
 * How the key of one database is kept, in `<database>.keys` beside it (mode
 * 0600): sealed by the OS for this user on this computer, and optionally
 * wrapped with a passphrase so the file can be unlocked on another one.
 * Never the key in clear.
 */
interface KeyFile {
  version: 1;
  sealed?: string;
  passphrase?: Wrapped;
}

interface Wrapped {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

export const keyFilePath = (dbPath: string) => `${dbPath}.keys`;

function readKeyFile(dbPath: string): KeyFile {
  try {
    const parsed = JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8')) as KeyFile;
    return parsed && parsed.version === 1 ? parsed : { version: 1 };
  } catch {
    return { version: 1 };
  }
}

/** Written whole and flushed before it replaces the old one: a database is never left with its key half-saved. */
function writeKeyFile(dbPath: string, kf: KeyFile): void {
  const path = keyFilePath(dbPath);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(kf, null, 1));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function keyProtection(secrets: SecretStore | null): KeyProtection {
  return secrets?.protection() ?? 'none';
}

/** The key this computer keeps for the database; undefined when it keeps none or cannot unseal it (it was sealed elsewhere). */
export function loadKey(dbPath: string, secrets: SecretStore | null): DatabaseKey | undefined {
  const { sealed } = readKeyFile(dbPath);
  if (!sealed || !secrets) return undefined;
  try {
    const key = secrets.unseal(Buffer.from(sealed, 'base64'));
    return isDatabaseKey(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Seals the key for this computer. The passphrase entry, if any, wraps the same key and stays. */
export function storeKey(dbPath: string, secrets: SecretStore, key: DatabaseKey): void {
  const kf = readKeyFile(dbPath);
  writeKeyFile(dbPath, { ...kf, sealed: Buffer.from(secrets.seal(key)).toString('base64') });
}

export const hasPassphrase = (dbPath: string): boolean => Boolean(readKeyFile(dbPath).passphrase);

// scrypt with 64 MB of memory: about 0.2 s here, and as costly for anyone guessing on a stolen copy.
const KDF = { N: 2 ** 16, r: 8, p: 1 } as const;
const kdfOptions = (w: Pick<Wrapped, 'N' | 'r' | 'p'>): ScryptOptions => ({ N: w.N, r: w.r, p: w.p, maxmem: 256 * 2 ** 20 });
const scrypt = (pass: string, salt: Buffer, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pass.normalize('NFC'), salt, 32, opts, (err, k) => (err ? reject(err) : resolve(k))));

function wrap(key: DatabaseKey, kek: Buffer, salt: Buffer): Wrapped {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  const data = Buffer.concat([c.update(Buffer.from(key, 'hex')), c.final()]);
  return { kdf: 'scrypt', ...KDF, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function unwrap(w: Wrapped, kek: Buffer): DatabaseKey | null {
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    d.setAuthTag(Buffer.from(w.tag, 'base64'));
    const key = Buffer.concat([d.update(Buffer.from(w.data, 'base64')), d.final()]).toString('hex');
    return isDatabaseKey(key) ? key : null;
  } catch {
    // GCM's tag does not match: a wrong passphrase (or a damaged entry)
    return null;
  }
}

/** Wraps the key with a passphrase (replacing any earlier one); the recovery key is answered for the user to keep. */
export async function setPassphrase(dbPath: string, key: DatabaseKey, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const kek = await scrypt(passphrase, salt, kdfOptions(KDF));
  writeKeyFile(dbPath, { ...readKeyFile(dbPath), passphrase: wrap(key, kek, salt) });
  return formatRecoveryKey(key);
}

export function removePassphrase(dbPath: string): void {
  const { passphrase: _dropped, ...rest } = readKeyFile(dbPath);
  writeKeyFile(dbPath, rest);
}

/** The key behind a passphrase; null for a wrong one or when none is set. */
export async function keyFromPassphrase(dbPath: string, passphrase: string): Promise<DatabaseKey | null> {
  const w = readKeyFile(dbPath).passphrase;
  if (!w) return null;
  return unwrap(w, await scrypt(passphrase, Buffer.from(w.salt, 'base64'), kdfOptions(w)));
}

/** The same, blocking: the CLI resolves its key before anything else runs. */
export function keyFromPassphraseSync(dbPath: string, passphrase: string): DatabaseKey | null {
  const w = readKeyFile(dbPath).passphrase;
  if (!w) return null;
  return unwrap(w, scryptSync(passphrase.normalize('NFC'), Buffer.from(w.salt, 'base64'), 32, kdfOptions(w)));
}

/** What someone typed to unlock a file: the recovery key (or raw key) first, else the passphrase. */
export async function keyFromSecret(dbPath: string, text: string): Promise<DatabaseKey | null> {
  return parseKey(text) ?? (await keyFromPassphrase(dbPath, text.replace(/\r?\n$/, '')));
}

/** Forgets how this database's key is kept (after the file went back to plain, or in tests). */
export function removeKeyFile(dbPath: string): void {
  rmSync(keyFilePath(dbPath), { force: true });
}

/**
 * The key the app starts with: the one this computer keeps; a new one
 * (stored first) for a new database, so new databases are encrypted; or a
 * request to unlock, for an encrypted file whose key this computer lacks.
 * Without a secret store a new database stays plain (Settings says so).
 */
export function keyAtStart(dbPath: string, secrets: SecretStore | null): { key?: DatabaseKey; unlock: boolean } {
  const state = fileState(dbPath);
  const stored = loadKey(dbPath, secrets);
  if (state === 'encrypted') return stored ? { key: stored, unlock: false } : { unlock: true };
  // A plain file keeps its stored key, if an encryption was cut short: the next one uses the same key.
  if (state === 'plain' || stored) return { key: stored, unlock: false };
  if (!secrets || keyProtection(secrets) === 'none') return { unlock: false };
  const key = newKey();
  storeKey(dbPath, secrets, key);
  return { key, unlock: false };
}

/**
 * What someone typed in the unlock window: the key it gives, if that key
 * opens the file (`opens` tries it read-only); sealed for this computer so
 * the question is not asked again. Null when it does not open the file.
 */
export async function unlockWith(dbPath: string, secrets: SecretStore | null, typed: string, opens: (key: DatabaseKey) => boolean): Promise<DatabaseKey | null> {
  const key = await keyFromSecret(dbPath, typed);
  if (!key || !opens(key)) return null;
  if (secrets && keyProtection(secrets) !== 'none') storeKey(dbPath, secrets, key);
  return key;
}
