import type { Db } from '../../db/connection';
import { clientKeys } from '../../db/repositories/imports';

/**
 * Finds a client by the key a file gives: code, then tax id, then e-mail
 * (any case), then exact name. Active clients win over archived ones.
 */
export function clientIndex(db: Db) {
  const byCode = new Map<string, number>();
  const byTax = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number>();
  const add = (id: number, k: { code?: string | null; taxId?: string | null; email?: string | null; name?: string | null }) => {
    if (k.code && !byCode.has(k.code)) byCode.set(k.code, id);
    if (k.taxId && !byTax.has(k.taxId)) byTax.set(k.taxId, id);
    if (k.email && !byEmail.has(k.email.toLowerCase())) byEmail.set(k.email.toLowerCase(), id);
    if (k.name && !byName.has(k.name)) byName.set(k.name, id);
  };
  for (const c of clientKeys(db)) add(c.id, c);
  return {
    add,
    find(key: string): number | undefined {
      return byCode.get(key) ?? byTax.get(key) ?? byEmail.get(key.toLowerCase()) ?? byName.get(key);
    },
    /** For a clients file: the first of its identifying fields that names an existing client. */
    match(v: { code?: unknown; taxId?: unknown; email?: unknown; name?: unknown }): number | undefined {
      const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
      const code = str(v.code);
      const tax = str(v.taxId);
      const email = str(v.email);
      const name = str(v.name);
      return (code ? byCode.get(code) : undefined) ?? (tax ? byTax.get(tax) : undefined) ?? (email ? byEmail.get(email.toLowerCase()) : undefined) ?? (name ? byName.get(name) : undefined);
    },
  };
}

/** 53-bit string hash (cyrb53): a million line keys as numbers, not strings. */
export function hash53(str: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Counts occurrences of 53-bit hashes in open-addressed typed arrays: a
 * million keys in ~24 MB with no per-key objects (a Map of doubles boxes each one).
 */
export class HashCounter {
  private keys: Float64Array;
  private counts: Uint32Array;
  private used = 0;
  constructor(capacity = 1 << 16) {
    this.keys = new Float64Array(capacity);
    this.counts = new Uint32Array(capacity);
  }
  /** Adds one occurrence of `h` and returns how many there were before. */
  add(h: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const key = h === 0 ? 1 : h; // 0 marks an empty slot
    const mask = this.keys.length - 1;
    let i = (key % 4294967296) & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    if (this.keys[i] === 0) {
      this.keys[i] = key;
      this.used++;
    }
    return this.counts[i]++;
  }
  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    this.used = 0;
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue;
      let i = (keys[j] % 4294967296) & mask;
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j];
      this.counts[i] = counts[j];
      this.used++;
    }
  }
}
