/**
 * Telling whether two client records are the same business, and finding a
 * client by a few typed letters. Pure: main runs it over the whole base, the
 * tests over fixtures.
 */

// Legal forms as people write them in our six languages, and a few neighbours'.
// Compared after `searchKey`, so case, dots and diacritics do not matter.
const LEGAL_FORMS = [
  // Hungarian
  'kft', 'zrt', 'nyrt', 'bt', 'kkt', 'ev', 'rt', 'kht', 'nonprofit kft',
  // English
  'ltd', 'limited', 'llc', 'llp', 'plc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'and co', 'lp',
  // French
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'sci', 'scop', 'ei',
  // Lithuanian
  'uab', 'ab', 'mb', 'ii', 'vsi', 'zub',
  // Russian, in Cyrillic and as Latin invoices write it
  'ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'нко', 'ooo', 'oao', 'zao', 'pao',
  // German and others seen on invoices
  'gmbh', 'ag', 'kg', 'bv', 'nv', 'oy', 'as', 'aps', 'spa', 'srl', 'sro', 'sp z o o', 'doo',
];
// Thai writes the form around the name: บริษัท … จำกัด (มหาชน), ห้างหุ้นส่วนจำกัด …, หจก. …
const THAI_PREFIXES = ['บริษัท', 'บจก', 'บมจ', 'ห้างหุ้นส่วนจำกัด', 'ห้างหุ้นส่วนสามัญ', 'หจก', 'หสน'];
const THAI_SUFFIXES = ['จำกัด มหาชน', 'จำกัด'];

/**
 * Lower case, Latin and Cyrillic diacritics gone (é → e, ő → o, й → и),
 * punctuation and quotes as spaces, spaces collapsed. Thai vowel and tone
 * marks are letters there, not accents, so they stay.
 */
export function searchKey(text: string): string {
  // Most names are plain ASCII: they skip the Unicode work, which is most of the cost over 50,000 names.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/[&+]/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ß]/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[&+]/g, ' and ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

const FORMS = new Set(LEGAL_FORMS.map(searchKey));
const THAI_PRE = THAI_PREFIXES.map(searchKey);
const THAI_SUF = THAI_SUFFIXES.map(searchKey);
const MAX_FORM_WORDS = Math.max(...[...FORMS].map((f) => f.split(' ').length));
// A form can only end a name on one of its last words, or start it on one of its first: most names are passed over at once.
const FORM_LAST = new Set([...FORMS].map((f) => f.split(' ').at(-1)!));
const FORM_FIRST = new Set([...FORMS].map((f) => f.split(' ')[0]));

/**
 * A company name without its legal form, case or accents: "ORION Supply Kft."
 * and "Orion Supply" give the same key, so do "ООО «Ромашка»" and "Ромашка",
 * "บริษัท ไทยเทรด จำกัด" and "ไทยเทรด". Never empty when the name is not.
 */
export function companyKey(name: string): string {
  let key = searchKey(name);
  if (key.charCodeAt(0) >= 0x0e00) {
    for (const p of THAI_PRE) if (key.startsWith(p)) key = key.slice(p.length).trim();
    for (const x of THAI_SUF) if (key.endsWith(x)) key = key.slice(0, -x.length).trim();
  }
  const words = key.split(' ');
  let from = 0;
  let to = words.length;
  // Legal forms come off either end, longest first ("sp z o o" before "o"), while a name is left.
  for (let dropped = true; dropped && to - from > 1; ) {
    dropped = false;
    const atEnd = FORM_LAST.has(words[to - 1]);
    const atStart = FORM_FIRST.has(words[from]);
    for (let n = Math.min(MAX_FORM_WORDS, to - from - 1); n >= 1 && !dropped && (atEnd || atStart); n--) {
      if (atEnd && FORMS.has(n === 1 ? words[to - 1] : words.slice(to - n, to).join(' '))) (to -= n), (dropped = true);
      else if (atStart && FORMS.has(n === 1 ? words[from] : words.slice(from, from + n).join(' '))) (from += n), (dropped = true);
    }
  }
  return words.slice(from, to).join(' ') || key;
}

/** A tax number without spaces, dots and dashes, upper case: "12345678-2-42" and "12345678242" match. */
export const taxKey = (taxId: string | null): string | null => {
  const k = (taxId ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');
  return k.length >= 5 ? k : null;
};

export const emailKey = (email: string | null): string | null => {
  const k = (email ?? '').trim().toLowerCase();
  return k.includes('@') ? k : null;
};

// Two rows reused by every call: the duplicate search compares hundreds of thousands of neighbours.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Edit distance, stopping early once it passes `max` (returns max + 1). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowA.length <= b.length) (rowA = new Int32Array(b.length + 1)), (rowB = new Int32Array(b.length + 1));
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

const digitsOf = (s: string) => s.replace(/\D+/g, ' ').trim();

/**
 * Close enough to be the same name typed twice: one slip in a short name, two
 * in a long one. Names whose numbers differ ("Shop 12", "Shop 13") are
 * different businesses, however alike the rest.
 */
export function similarNames(a: string, b: string, digitsA = digitsOf(a), digitsB = digitsOf(b)): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5 || digitsA !== digitsB) return false;
  return editDistance(a, b, shorter >= 12 ? 2 : 1) <= (shorter >= 12 ? 2 : 1);
}

export interface MatchRecord {
  id: number;
  name: string;
  taxId: string | null;
  email: string | null;
}

export type PairReason = 'taxId' | 'email' | 'name' | 'similarName';

/**
 * Candidate pairs over a whole base without comparing every pair: the same
 * tax key, e-mail or company key is a bucket; near names are compared with
 * their neighbours in sorted order (a slip near the end of a name), and in
 * the order of the reversed key (a slip near its start).
 */
export function findDuplicatePairs(records: MatchRecord[], opts: { window?: number; maxBucket?: number } = {}): { a: number; b: number; reasons: PairReason[] }[] {
  const window = opts.window ?? 4;
  // A bucket this large is a shared placeholder ("info@", "0000000"), not one business.
  const maxBucket = opts.maxBucket ?? 8;
  const pairs = new Map<string, { a: number; b: number; reasons: Set<PairReason> }>();
  const add = (x: number, y: number, reason: PairReason) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const k = `${a}:${b}`;
    let p = pairs.get(k);
    if (!p) pairs.set(k, (p = { a, b, reasons: new Set() }));
    p.reasons.add(reason);
  };
  const keyed = records.map((r) => ({ id: r.id, name: companyKey(r.name), tax: taxKey(r.taxId), email: emailKey(r.email) }));
  const bucket = (reason: PairReason, keyOf: (r: (typeof keyed)[number]) => string | null) => {
    const groups = new Map<string, number[]>();
    for (const r of keyed) {
      const k = keyOf(r);
      if (k) (groups.get(k) ?? groups.set(k, []).get(k)!).push(r.id);
    }
    for (const ids of groups.values()) {
      if (ids.length < 2 || ids.length > maxBucket) continue;
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) add(ids[i], ids[j], reason);
    }
  };
  bucket('taxId', (r) => r.tax);
  bucket('email', (r) => r.email);
  bucket('name', (r) => r.name);
  const reversed = (s: string) => [...s].reverse().join('');
  // Read once per name, not once per comparison.
  const digits = keyed.map((r) => digitsOf(r.name));
  for (const keyOf of [(r: (typeof keyed)[number]) => r.name, (r: (typeof keyed)[number]) => reversed(r.name)]) {
    const sorted = keyed.map((r, i) => ({ id: r.id, name: r.name, digits: digits[i], sortKey: keyOf(r) })).sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j <= i + window && j < sorted.length; j++) {
        if (sorted[i].name !== sorted[j].name && similarNames(sorted[i].name, sorted[j].name, sorted[i].digits, sorted[j].digits)) add(sorted[i].id, sorted[j].id, 'similarName');
      }
    }
  }
  return [...pairs.values()].map((p) => ({ a: p.a, b: p.b, reasons: [...p.reasons] }));
}

/**
 * How well a client's name answers what was typed: 0 the name starts with it,
 * 1 a word of the name does, 2 it appears inside, null not at all. Both sides
 * go through `searchKey`, so "kristaly" finds "Kristály".
 */
export function matchRank(nameKey: string, query: string): number | null {
  if (!query) return 0;
  if (nameKey.startsWith(query)) return 0;
  const at = nameKey.indexOf(query);
  if (at < 0) return null;
  return nameKey[at - 1] === ' ' ? 1 : 2;
}
