/**
 * Compact keys for purchase lines: a 53-bit hash mixed field by field, so no
 * key string is built per line, and counted in open-addressed typed arrays,
 * so a million keys take a few megabytes and no per-key objects.
 */

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
// Outside the range of UTF-16 code units: a field's end can never read as one of its characters.
const END_TEXT = 0x10001;
const END_NUMBER = 0x10002;

/** cyrb53, fed one field at a time. Reused: `start` begins a new key. */
export class FieldHash {
  private h1 = 0;
  private h2 = 0;
  start(seed: number): this {
    this.h1 = 0xdeadbeef ^ seed;
    this.h2 = 0x41c6ce57 ^ seed;
    return this;
  }
  private mix(x: number): void {
    this.h1 = Math.imul(this.h1 ^ x, 2654435761);
    this.h2 = Math.imul(this.h2 ^ x, 1597334677);
  }
  /** Empty and missing text are the same field value, as a duplicate is judged. */
  text(s: string | null): this {
    if (s !== null) for (let i = 0; i < s.length; i++) this.mix(s.charCodeAt(i));
    this.mix(END_TEXT);
    return this;
  }
  /** By the number's bits: two numbers are the same key exactly when they print the same (0 and -0 too). */
  number(n: number): this {
    bits[0] = n + 0;
    this.mix(words[0]);
    this.mix(words[1]);
    this.mix(END_NUMBER);
    return this;
  }
  value(): number {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    // 0 marks an empty slot in the tables below.
    return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
  }
}

const capacityFor = (n: number) => {
  let c = 1 << 12;
  while (c < n * 2) c *= 2;
  return c;
};

/** Where `h` is in an open-addressed table of hashes, or the empty slot it would take. */
function slotIn(keys: Float64Array, h: number): number {
  const mask = keys.length - 1;
  // The low 32 bits (ToInt32 keeps them exactly for these integers below 2^53): no floating-point division.
  let i = h & mask;
  while (keys[i] !== 0 && keys[i] !== h) i = (i + 1) & mask;
  return i;
}

/**
 * Hashes seen (never 0; FieldHash gives none), as the file's lines are only asked "seen before?": one
 * number a slot, the table sized for the file's lines at most 70% full (≈11.4 bytes a line, where a
 * power-of-two table half full took up to 16). The table's length is any multiple of 4096, so slots
 * are found by remainder, not by mask.
 */
export class HashSet {
  private keys: Float64Array;
  private used = 0;
  private limit: number;
  constructor(expected = 0) {
    this.keys = new Float64Array(HashSet.capacity(expected));
    this.limit = Math.floor(this.keys.length * HashSet.LOAD);
  }
  private static readonly LOAD = 0.7;
  private static capacity(n: number): number {
    return Math.max(4096, Math.ceil(n / HashSet.LOAD / 4096) * 4096);
  }
  /** Adds `h`; says whether it was there already. */
  add(h: number): boolean {
    if (this.used >= this.limit) this.grow();
    const i = HashSet.slot(this.keys, h);
    if (this.keys[i] === h) return true;
    this.keys[i] = h;
    this.used++;
    return false;
  }
  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(HashSet.capacity(old.length * 2 * HashSet.LOAD));
    this.limit = Math.floor(this.keys.length * HashSet.LOAD);
    for (const k of old) if (k !== 0) this.keys[HashSet.slot(this.keys, k)] = k;
  }
  private static slot(keys: Float64Array, h: number): number {
    const n = keys.length;
    // The low 32 bits (>>> 0 keeps them exactly for these integers below 2^53).
    let i = (h >>> 0) % n;
    while (keys[i] !== 0 && keys[i] !== h) i = i + 1 === n ? 0 : i + 1;
    return i;
  }
}

/** Counts occurrences of hashes (never 0; FieldHash gives none). */
export class HashCounter {
  private keys: Float64Array;
  private counts: Uint32Array;
  private used = 0;
  /** `expected`: roughly how many keys will come, so the table is sized once. */
  constructor(expected = 0) {
    this.keys = new Float64Array(capacityFor(expected));
    this.counts = new Uint32Array(this.keys.length);
  }
  /** Adds one occurrence of `h` and returns how many there were before. */
  add(h: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const i = slotIn(this.keys, h);
    if (this.keys[i] === 0) {
      this.keys[i] = h;
      this.used++;
    }
    return this.counts[i]++;
  }
  /** Takes one occurrence of `h` away if there is one; says whether there was. */
  take(h: number): boolean {
    const i = slotIn(this.keys, h);
    if (this.keys[i] === 0 || this.counts[i] === 0) return false;
    this.counts[i]--;
    return true;
  }
  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue;
      const i = slotIn(this.keys, keys[j]);
      this.keys[i] = keys[j];
      this.counts[i] = counts[j];
    }
  }
}
