/**
 * Compact keys for purchase lines: a 64-bit hash mixed field by field, so no
 * key string is built per line, and counted in open-addressed typed arrays,
 * so a million keys take a few megabytes and no per-key objects. 64 bits,
 * not the 53 a number holds: two different lines share a key with odds of
 * about n²/2^65 (4,000,000 lines: 1 in 2.3 million), and a shared key would
 * count a line as identical to another, or as already stored.
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
  /** The key's high word, once `finish` has run. */
  hi = 0;
  /** The key's low word: never 0 together with `hi` (both 0 mark an empty slot in the tables below). */
  lo = 0;
  finish(): this {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    this.hi = h2 >>> 0;
    this.lo = h1 >>> 0 || (this.hi === 0 ? 1 : 0);
    return this;
  }
}

const LOAD = 0.7;
/** Slots for `n` keys at most 70% full: any multiple of 4096, so slots are found by remainder, not by mask. */
const capacityFor = (n: number) => Math.max(4096, Math.ceil(n / LOAD / 4096) * 4096);

/** Where the key (hi, lo) is in an open-addressed table of word pairs, or the empty slot it would take. */
function slotIn(keys: Uint32Array, hi: number, lo: number): number {
  const n = keys.length >>> 1;
  let i = lo % n;
  for (;;) {
    const a = keys[2 * i];
    const b = keys[2 * i + 1];
    if ((a === hi && b === lo) || (a === 0 && b === 0)) return i;
    i = i + 1 === n ? 0 : i + 1;
  }
}

/** Hashes seen, as the file's lines are only asked "seen before?": 8 bytes a slot, ≈11.4 bytes a key. */
export class HashSet {
  private keys: Uint32Array;
  private used = 0;
  private limit: number;
  constructor(expected = 0) {
    this.keys = new Uint32Array(2 * capacityFor(expected));
    this.limit = Math.floor((this.keys.length >>> 1) * LOAD);
  }
  get size(): number {
    return this.used;
  }
  has(hi: number, lo: number): boolean {
    const i = slotIn(this.keys, hi, lo);
    return this.keys[2 * i] !== 0 || this.keys[2 * i + 1] !== 0;
  }
  forEach(fn: (hi: number, lo: number) => void): void {
    const { keys } = this;
    for (let j = 0; j < keys.length; j += 2) if (keys[j] !== 0 || keys[j + 1] !== 0) fn(keys[j], keys[j + 1]);
  }
  /** Adds the key (FieldHash's hi and lo words); says whether it was there already. */
  add(hi: number, lo: number): boolean {
    if (this.used >= this.limit) this.grow();
    const i = slotIn(this.keys, hi, lo);
    if (this.keys[2 * i + 1] !== 0 || this.keys[2 * i] !== 0) return true;
    this.keys[2 * i] = hi;
    this.keys[2 * i + 1] = lo;
    this.used++;
    return false;
  }
  private grow(): void {
    const old = this.keys;
    this.keys = new Uint32Array(2 * capacityFor(old.length * LOAD));
    this.limit = Math.floor((this.keys.length >>> 1) * LOAD);
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0 && old[j + 1] === 0) continue;
      const i = slotIn(this.keys, old[j], old[j + 1]);
      this.keys[2 * i] = old[j];
      this.keys[2 * i + 1] = old[j + 1];
    }
  }
}

/** Counts occurrences of keys. */
export class HashCounter {
  private keys: Uint32Array;
  private counts: Uint32Array;
  private used = 0;
  private limit: number;
  /** `expected`: roughly how many keys will come, so the table is sized once. */
  constructor(expected = 0) {
    const n = capacityFor(expected);
    this.keys = new Uint32Array(2 * n);
    this.counts = new Uint32Array(n);
    this.limit = Math.floor(n * LOAD);
  }
  /** Adds one occurrence of the key and returns how many there were before. */
  add(hi: number, lo: number): number {
    if (this.used >= this.limit) this.grow();
    const i = slotIn(this.keys, hi, lo);
    if (this.keys[2 * i] === 0 && this.keys[2 * i + 1] === 0) {
      this.keys[2 * i] = hi;
      this.keys[2 * i + 1] = lo;
      this.used++;
    }
    return this.counts[i]++;
  }
  /** Takes one occurrence of the key away if there is one; says whether there was. */
  take(hi: number, lo: number): boolean {
    const i = slotIn(this.keys, hi, lo);
    if (this.counts[i] === 0) return false;
    this.counts[i]--;
    return true;
  }
  private grow(): void {
    const { keys, counts } = this;
    const n = capacityFor(counts.length * 2 * LOAD);
    this.keys = new Uint32Array(2 * n);
    this.counts = new Uint32Array(n);
    this.limit = Math.floor(n * LOAD);
    for (let j = 0; j < counts.length; j++) {
      if (keys[2 * j] === 0 && keys[2 * j + 1] === 0) continue;
      const i = slotIn(this.keys, keys[2 * j], keys[2 * j + 1]);
      this.keys[2 * i] = keys[2 * j];
      this.keys[2 * i + 1] = keys[2 * j + 1];
      this.counts[i] = counts[j];
    }
  }
}
