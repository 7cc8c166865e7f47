import type { Db } from '../../db/connection';
import { clientKeys } from './repository';

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
    find(key: string): number | undefined {
      return byCode.get(key) ?? byTax.get(key) ?? byEmail.get(key.toLowerCase()) ?? byName.get(key);
    },
    /**
     * For a clients file: the first of its identifying fields that names an existing client. The tax id
     * comes first: it is the one identity a company keeps across systems, while codes are renumbered.
     */
    match(v: { code?: unknown; taxId?: unknown; email?: unknown; name?: unknown }): number | undefined {
      const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
      const code = str(v.code);
      const tax = str(v.taxId);
      const email = str(v.email);
      const name = str(v.name);
      return (tax ? byTax.get(tax) : undefined) ?? (code ? byCode.get(code) : undefined) ?? (email ? byEmail.get(email.toLowerCase()) : undefined) ?? (name ? byName.get(name) : undefined);
    },
    /** Whether the row's tax id and code name two different clients: then which one it means cannot be told. */
    conflicting(v: { code?: unknown; taxId?: unknown }): boolean {
      const t = typeof v.taxId === 'string' && v.taxId !== '' ? byTax.get(v.taxId) : undefined;
      const c = typeof v.code === 'string' && v.code !== '' ? byCode.get(v.code) : undefined;
      return t !== undefined && c !== undefined && t !== c;
    },
  };
}
