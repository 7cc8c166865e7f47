/** Compact counting of line keys, for spotting lines repeated inside one file. */

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
