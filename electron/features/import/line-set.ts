import { HashSet } from './line-hash';

/**
 * The set of a file's line keys when the file is large. A key is 64 bits
 * (FieldHash's hi and lo words). At 4,000,000 lines an open-addressed table
 * of whole keys at 70% load is 46 MB, the largest thing an import holds, and
 * it grows with the file. This table stores 6 bytes a slot at up to 90% load
 * (27 MB at 4,000,000 lines) and still tells every 64-bit key apart:
 *
 * - a key's home slot is the top of its hi word scaled to the table
 *   (hi × slots / 2³²), so the home itself says hi to within 2³² / slots
 *   values, at most 1,024 from 2²² slots up;
 * - a slot keeps lo whole and hi's low 10 bits, which with the home single out
 *   hi (the Uint16 word's other 6 bits are the slot's distance from its home);
 * - Robin Hood linear probing keeps that distance short at 90% load; a key that
 *   would sit more than 62 slots from home goes to a small table of whole keys.
 */

const HI_BITS = 10;
const HI_MASK = (1 << HI_BITS) - 1;
/** A distance from home, plus one; 0 marks an empty slot. */
const MAX_DIST = (1 << (16 - HI_BITS)) - 1;
const LOAD = 0.9;
/** Fewer slots would leave more of hi than 10 bits to tell apart. */
export const COMPACT_MIN_SLOTS = 1 << 22;
/** From this many keys the compact table is smaller than HashSet's (8 bytes a slot at 70%). */
export const COMPACT_FROM_KEYS = Math.floor(COMPACT_MIN_SLOTS * 0.7);

const TWO_16 = 65536;
const FOUND = -1;
const TOO_FAR = -2;

/** floor(hi × slots / 2³²), exactly: the product needs more than a double's 53 bits, its halves do not. */
function homeOf(hi: number, slots: number): number {
  const upper = (hi >>> 16) * slots;
  const lower = Math.floor(((hi & 0xffff) * slots) / TWO_16);
  return Math.floor((upper + lower) / TWO_16);
}

/** The hi word whose home is `home` and whose low bits are `low`: there is exactly one. */
function hiOf(home: number, low: number, slots: number): number {
  let first = Math.min(0xffffffff, Math.ceil((home * 4294967296) / slots));
  while (first > 0 && homeOf(first - 1, slots) >= home) first--;
  while (homeOf(first, slots) < home) first++;
  return first + ((low - first) & HI_MASK);
}

/** The home of the entry at `slot`, `dist` (distance plus one) from it, the table wrapping at its end. */
function homeAt(slot: number, dist: number, slots: number): number {
  const home = slot - (dist - 1);
  return home < 0 ? home + slots : home;
}

export class CompactHashSet {
  private lo: Uint32Array;
  /** hi's low bits, then the distance from home plus one in the top bits. */
  private tag: Uint16Array;
  private slots: number;
  private used = 0;
  private limit: number;
  /** Keys that would sit too far from home: none with a sound hash, but keys made to share a home must not make the table grow without end. */
  private readonly overflow = new HashSet();
  constructor(expected: number) {
    this.slots = Math.max(COMPACT_MIN_SLOTS, Math.ceil(expected / LOAD / 4096) * 4096);
    this.lo = new Uint32Array(this.slots);
    this.tag = new Uint16Array(this.slots);
    this.limit = Math.floor(this.slots * LOAD);
  }

  get size(): number {
    return this.used + this.overflow.size;
  }

  /** Slots in the main table (6 bytes each). */
  get capacity(): number {
    return this.slots;
  }

  /** Adds the key; says whether it was there already. */
  add(hi: number, lo: number): boolean {
    if (this.used >= this.limit) this.grow();
    if (this.overflow.size && this.overflow.has(hi, lo)) return true;
    return this.place(hi, lo) ?? this.overflow.add(hi, lo);
  }

  has(hi: number, lo: number): boolean {
    return (this.overflow.size > 0 && this.overflow.has(hi, lo)) || this.find(hi, lo) === FOUND;
  }

  /** The distance (plus one) from home of the slot `find` returned last. */
  private dist = 0;

  /** FOUND; TOO_FAR (the key would sit too far from home); or the slot the key would take, its distance in `dist`. */
  private find(hi: number, lo: number): number {
    const { slots, tag, lo: los } = this;
    let i = homeOf(hi, slots);
    let dist = 1;
    const low = hi & HI_MASK;
    for (;;) {
      const t = tag[i];
      if (t === 0) break;
      const d = t >>> HI_BITS;
      // Entries of one home sit together, so a match can only be where this key's distance is the entry's.
      if (d === dist && (t & HI_MASK) === low && los[i] === lo) return FOUND;
      if (d < dist) break;
      if (++dist > MAX_DIST) return TOO_FAR;
      i = i + 1 === slots ? 0 : i + 1;
    }
    this.dist = dist;
    return i;
  }

  /** true: there already; false: added; null: it would sit too far from home (nothing changed). */
  private place(hi: number, lo: number): boolean | null {
    let i = this.find(hi, lo);
    if (i === FOUND) return true;
    if (i === TOO_FAR) return null;
    const { slots, tag, lo: los } = this;
    let dist = this.dist;
    let low = hi & HI_MASK;
    // Robin Hood: take this slot and carry its entry on, one slot at a time, to the next empty one.
    let key = lo;
    for (;;) {
      const t = tag[i];
      tag[i] = (dist << HI_BITS) | low;
      const k = los[i];
      los[i] = key;
      if (t === 0) break;
      key = k;
      low = t & HI_MASK;
      dist = (t >>> HI_BITS) + 1;
      i = i + 1 === slots ? 0 : i + 1;
      if (dist > MAX_DIST) {
        // Carried too far from home: that key moves to the overflow table instead, whole.
        this.overflow.add(hiOf(homeAt(i, dist, slots), low, slots), key);
        return false;
      }
    }
    this.used++;
    return false;
  }

  private grow(): void {
    const { lo: los, tag, slots } = this;
    this.slots = Math.ceil((slots * 1.5) / 4096) * 4096;
    this.lo = new Uint32Array(this.slots);
    this.tag = new Uint16Array(this.slots);
    this.limit = Math.floor(this.slots * LOAD);
    this.used = 0;
    for (let j = 0; j < slots; j++) {
      const t = tag[j];
      if (t === 0) continue;
      const hi = hiOf(homeAt(j, t >>> HI_BITS, slots), t & HI_MASK, slots);
      if (this.place(hi, los[j]) === null) this.overflow.add(hi, los[j]);
    }
  }
}

/**
 * The most line keys kept in memory: the compact table at its first size,
 * full (25 MB). A file with more lines sends the others' keys to a LineSpill,
 * so an import's memory does not follow its length. RAPPORT_LINE_KEYS sets
 * a smaller limit, for tests and the bench to take that path on small files.
 */
export const LINE_KEYS_IN_MEMORY = Math.floor(COMPACT_MIN_SLOTS * LOAD);

export function lineKeysInMemory(setting = process.env.RAPPORT_LINE_KEYS): number {
  const n = Number(setting);
  return setting && Number.isInteger(n) && n > 0 ? Math.min(n, LINE_KEYS_IN_MEMORY) : LINE_KEYS_IN_MEMORY;
}

/** The file's line keys, seen before or not: whole keys while the file is small, the compact table once that is smaller, none past `limit`. */
export class LineSet {
  private small: HashSet | null;
  private large: CompactHashSet | null;
  constructor(expected = 0, private readonly limit = LINE_KEYS_IN_MEMORY) {
    expected = Math.min(expected, limit);
    this.small = expected < COMPACT_FROM_KEYS ? new HashSet(expected) : null;
    this.large = this.small ? null : new CompactHashSet(expected);
  }
  get size(): number {
    return this.large ? this.large.size : this.small!.size;
  }
  /**
   * Adds the key (FieldHash's hi and lo words); says whether it was there
   * already. null: not there, and the set is full, so it was not added (the
   * caller remembers it elsewhere).
   */
  add(hi: number, lo: number): boolean | null {
    if (this.size >= this.limit) return (this.large ? this.large.has(hi, lo) : this.small!.has(hi, lo)) || null;
    if (this.large) return this.large.add(hi, lo);
    const small = this.small!;
    if (small.size < COMPACT_FROM_KEYS) return small.add(hi, lo);
    const large = new CompactHashSet(Math.min(small.size * 1.5, this.limit));
    small.forEach((h, l) => large.add(h, l));
    this.small = null;
    this.large = large;
    return large.add(hi, lo);
  }
}
