import { lastTwelveMonths } from '../../../shared/features/analytics';
import { isProspectSource } from '../../../shared/features/recovery/enums';
import { bestClientsModel, lookalike, type Portrait, type PortraitField } from '../../../shared/features/recovery/lookalike';
import type { prospectCreate } from '../../../shared/features/recovery/schemas';
import type { ProspectRow, ProspectsResult } from '../../../shared/features/recovery/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import { clientsService } from '../accounts';
import { cachedReport } from '../analytics';
import { createClient, setClientStatus } from './client-status';

const parseProfile = (text: string): Portrait['profile'] => {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
};

interface ProspectRecord {
  id: number;
  name: string;
  code: string | null;
  type_id: number | null;
  type: string | null;
  source: string | null;
  referred_by_id: number | null;
  referred_by: string | null;
  city: string | null;
  country: string | null;
  potential_annual: number | null;
  created_at: string;
  profile: string;
}

/**
 * Prospects (clients with status "prospect"), each scored by how closely its
 * type and portrait match the A clients of the last twelve months, best first.
 */
export function listProspects(db: Db, opts: { asOf?: string } = {}): ProspectsResult {
  const asOf = opts.asOf ?? toIsoDate(new Date());
  const aIds = cachedReport(db, { ...lastTwelveMonths(asOf), scope: { kind: 'company' } }).rows.filter((r) => r.abc === 'A').map((r) => r.id);
  const best = (db.sqlite.prepare(`SELECT type_id, profile FROM clients WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(aIds)) as { type_id: number | null; profile: string }[])
    .map((r): Portrait => ({ typeId: r.type_id, profile: parseProfile(r.profile) }));
  const fields = db.sqlite.prepare(`SELECT key, label, kind, type_id AS typeId FROM client_type_fields WHERE archived_at IS NULL ORDER BY position, id`).all() as PortraitField[];
  const model = bestClientsModel(best, fields);
  const records = db.sqlite
    .prepare(`SELECT c.id, c.name, c.code, c.type_id, t.name AS type, c.source, c.referred_by_id, r.name AS referred_by, c.city, c.country, c.potential_annual, c.created_at, c.profile
                FROM clients c LEFT JOIN client_types t ON t.id = c.type_id LEFT JOIN clients r ON r.id = c.referred_by_id
               WHERE c.status = 'prospect' AND c.archived_at IS NULL`)
    .all() as ProspectRecord[];
  const prospects: ProspectRow[] = records.map((p) => {
    const { score, matches, filled } = lookalike(model, { typeId: p.type_id, profile: parseProfile(p.profile) });
    return {
      id: p.id, name: p.name, code: p.code, typeId: p.type_id, type: p.type,
      source: isProspectSource(p.source) ? p.source : null,
      sourceText: isProspectSource(p.source) ? null : p.source,
      referredById: p.referred_by_id, referredBy: p.referred_by, city: p.city, country: p.country, potentialAnnual: p.potential_annual,
      createdAt: p.created_at, score, matches, filled,
    };
  });
  prospects.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id - b.id);
  return { bestClients: best.length, prospects };
}

export function createProspect(db: Db, input: z.output<typeof prospectCreate>): { id: number } {
  return { id: createClient(db, { ...input, status: 'prospect' }) };
}

/** One step: the prospect becomes an active client, and everything recorded on it stays. An active client is left as it is. */
export function convertProspect(db: Db, id: number): { id: number } {
  const client = clientsService.get(db, id);
  // Already a client: nothing to do. A lost or dormant client is not a prospect to convert.
  if (client.status === 'active') return { id };
  if (client.status !== 'prospect') throw new AppError('conflict', 'recovery:errors.notProspect', { name: client.name });
  setClientStatus(db, id, 'active');
  return { id };
}
