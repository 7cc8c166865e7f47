/**
 * Finding a person in free text: their full name (either order, any
 * spacing, any case, also in Cyrillic, Thai and accented Latin), their
 * e-mail and their phone number. Those are cut out. The surname alone may be
 * them or a namesake: it is only reported, for a person to judge.
 */
export interface Named {
  name: string;
  email?: string | null;
  phone?: string | null;
}

export const REDACTED = '[…]';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (name: string) => name.trim().split(/\s+/).filter(Boolean);
// Not inside a longer word: "Ann" must not match "Anna", nor "Anna" match "Annabel". Thai is written
// without spaces between words (คุณสมชาย: "Mr Somchai"), so a Thai name is matched wherever it stands.
const THAI = /[\u0E00-\u0E7F]/;
const bounded = (re: string) => `(?<![\\p{L}\\p{N}\\p{M}])(?:${re})(?![\\p{L}\\p{N}\\p{M}])`;

function fullPatterns(p: Named): string[] {
  const out: string[] = [];
  const w = words(p.name);
  const whole = THAI.test(p.name) ? (re: string) => re : bounded;
  if (w.length) out.push(whole(w.map(esc).join('[\\s,]+')));
  if (w.length >= 2) out.push(whole([w[w.length - 1], ...w.slice(0, -1)].map(esc).join('[\\s,]+')));
  const email = p.email?.trim();
  if (email && email.includes('@')) out.push(esc(email));
  const digits = (p.phone ?? '').replace(/\D/g, '');
  // Six digits at least: shorter runs are dates and amounts far too often.
  if (digits.length >= 6) out.push(`(?<!\\d)\\+?${digits.split('').join('[\\s\\-./()]*')}(?!\\d)`);
  return out;
}

function partialPatterns(p: Named): string[] {
  const w = words(p.name);
  const whole = THAI.test(p.name) ? (re: string) => re : bounded;
  const surname = w.length >= 2 ? w[w.length - 1] : null;
  return surname && surname.length >= 3 ? [whole(esc(surname))] : [];
}

export interface Matcher {
  /** True when the text names one of the people (full name, e-mail or phone). */
  names(text: unknown): boolean;
  /** True when the text holds one of their surnames alone, which may or may not be them. */
  mayName(text: unknown): boolean;
  /** The text with every full mention replaced by [… ]. */
  redact(text: string): string;
}

export function matcher(people: Named[]): Matcher {
  const full = people.flatMap(fullPatterns);
  const partial = people.flatMap(partialPatterns);
  const fullTest = full.length ? new RegExp(full.join('|'), 'iu') : null;
  const fullAll = full.length ? new RegExp(full.join('|'), 'giu') : null;
  const partialTest = partial.length ? new RegExp(partial.join('|'), 'iu') : null;
  return {
    names: (t) => typeof t === 'string' && fullTest !== null && fullTest.test(t),
    mayName: (t) => typeof t === 'string' && partialTest !== null && partialTest.test(t),
    redact: (t) => (fullAll ? t.replace(fullAll, REDACTED) : t),
  };
}
