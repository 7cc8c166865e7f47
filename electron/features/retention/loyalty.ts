import type { z } from 'zod';
import type { membershipCreate, membershipUpdate, programmeCreate, programmeUpdate } from '../../../shared/features/retention/schemas';
import type { Membership, Programme, Tier } from '../../../shared/features/retention/types';
import type { ProgrammeKind } from '../../../shared/features/retention/enums';
import type { Db } from '../../db/connection';
import { AppError, fieldError, notFound } from '../../errors';

interface ProgrammeRow {
  id: number;
  name: string;
  kind: ProgrammeKind;
  tiers: string;
  pointsPerUnit: number | null;
  cashbackPct: number | null;
  partners: string | null;
  notes: string | null;
  archivedAt: string | null;
  members: number;
}

const SELECT = `SELECT p.id, p.name, p.kind, p.tiers, p.points_per_unit AS pointsPerUnit, p.cashback_pct AS cashbackPct, p.partners, p.notes, p.archived_at AS archivedAt,
                       (SELECT count(*) FROM retention_memberships m WHERE m.programme_id = p.id AND m.archived_at IS NULL) AS members
                  FROM retention_programmes p`;

const decode = ({ tiers, archivedAt, ...r }: ProgrammeRow): Programme => ({ ...r, tiers: JSON.parse(tiers) as Tier[], archived: archivedAt !== null });

export function listProgrammes(db: Db): Programme[] {
  return (db.sqlite.prepare(`${SELECT} ORDER BY p.archived_at IS NOT NULL, p.name, p.id`).all() as ProgrammeRow[]).map(decode);
}

export function getProgramme(db: Db, id: number): Programme {
  const row = db.sqlite.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProgrammeRow | undefined;
  if (!row) throw notFound('retention:nouns.programme', id);
  return decode(row);
}

type ProgrammeInput = z.output<typeof programmeCreate>;
const columns = (p: ProgrammeInput) => ({
  name: p.name, kind: p.kind, tiers: JSON.stringify(p.kind === 'discount' ? p.tiers : []), pointsPerUnit: p.kind === 'points' ? p.pointsPerUnit : null,
  cashbackPct: p.kind === 'cashback' ? p.cashbackPct : null, partners: p.kind === 'coalition' ? p.partners : null, notes: p.notes,
});

export function createProgramme(db: Db, input: ProgrammeInput): { id: number } {
  const id = db.sqlite
    .prepare(`INSERT INTO retention_programmes (name, kind, tiers, points_per_unit, cashback_pct, partners, notes) VALUES (@name, @kind, @tiers, @pointsPerUnit, @cashbackPct, @partners, @notes)`)
    .run(columns(input)).lastInsertRowid;
  return { id: Number(id) };
}

export function updateProgramme(db: Db, input: z.output<typeof programmeUpdate>): { id: number } {
  const before = getProgramme(db, input.id);
  // A tier still held by members cannot disappear from under them.
  if (before.kind === 'discount') {
    const kept = new Set(input.kind === 'discount' ? input.tiers.map((t) => t.name) : []);
    const held = db.sqlite.prepare(`SELECT DISTINCT tier FROM retention_memberships WHERE programme_id = ? AND archived_at IS NULL AND tier IS NOT NULL`).all(input.id) as { tier: string }[];
    const lost = held.map((h) => h.tier).filter((t) => !kept.has(t));
    if (lost.length) throw fieldError('tiers', 'retention:errors.tierInUse', { tiers: lost.join(', ') });
  }
  db.sqlite
    .prepare(`UPDATE retention_programmes SET name = @name, kind = @kind, tiers = @tiers, points_per_unit = @pointsPerUnit, cashback_pct = @cashbackPct,
              partners = @partners, notes = @notes, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`)
    .run({ ...columns(input), id: input.id });
  return { id: input.id };
}

export function archiveProgramme(db: Db, id: number): { id: number } {
  getProgramme(db, id);
  db.sqlite.prepare(`UPDATE retention_programmes SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(id);
  return { id };
}

export function listMemberships(db: Db, programmeId: number): Membership[] {
  getProgramme(db, programmeId);
  return db.sqlite
    .prepare(`SELECT m.id, m.programme_id AS programmeId, m.client_id AS clientId, c.name AS clientName, m.tier, m.start_date AS startDate, m.end_date AS endDate
                FROM retention_memberships m JOIN clients c ON c.id = m.client_id
               WHERE m.programme_id = ? AND m.archived_at IS NULL ORDER BY c.name, m.id`)
    .all(programmeId) as Membership[];
}

function checkMembership(db: Db, m: z.output<typeof membershipCreate>): void {
  const p = getProgramme(db, m.programmeId);
  if (p.archived) throw new AppError('conflict', 'retention:errors.programmeArchived');
  if (!db.sqlite.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(m.clientId)) throw notFound('accounts:nouns.client', m.clientId);
  if (p.kind === 'discount' && !p.tiers.some((t) => t.name === m.tier)) throw fieldError('tier', 'retention:errors.chooseTier', { tiers: p.tiers.map((t) => t.name).join(', ') });
}

export function addMember(db: Db, input: z.output<typeof membershipCreate>): { id: number } {
  checkMembership(db, input);
  const existing = db.sqlite.prepare(`SELECT id, archived_at AS archivedAt FROM retention_memberships WHERE programme_id = ? AND client_id = ?`).get(input.programmeId, input.clientId) as { id: number; archivedAt: string | null } | undefined;
  if (existing && existing.archivedAt === null) throw fieldError('clientId', 'retention:errors.alreadyMember');
  if (existing) {
    // Rejoining: the old row comes back with the new terms.
    db.sqlite.prepare(`UPDATE retention_memberships SET tier = ?, start_date = ?, end_date = ?, archived_at = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(input.tier, input.startDate, input.endDate, existing.id);
    return { id: existing.id };
  }
  const id = db.sqlite.prepare(`INSERT INTO retention_memberships (programme_id, client_id, tier, start_date, end_date) VALUES (?, ?, ?, ?, ?)`).run(input.programmeId, input.clientId, input.tier, input.startDate, input.endDate).lastInsertRowid;
  return { id: Number(id) };
}

export function updateMember(db: Db, input: z.output<typeof membershipUpdate>): { id: number } {
  const row = db.sqlite.prepare(`SELECT programme_id AS programmeId, client_id AS clientId FROM retention_memberships WHERE id = ?`).get(input.id) as { programmeId: number; clientId: number } | undefined;
  if (!row) throw notFound('retention:nouns.membership', input.id);
  if (row.programmeId !== input.programmeId || row.clientId !== input.clientId) throw new AppError('invalid_input', 'retention:errors.membershipMoved');
  checkMembership(db, input);
  db.sqlite.prepare(`UPDATE retention_memberships SET tier = ?, start_date = ?, end_date = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(input.tier, input.startDate, input.endDate, input.id);
  return { id: input.id };
}

export function removeMember(db: Db, id: number): { id: number } {
  if (!db.sqlite.prepare(`SELECT 1 FROM retention_memberships WHERE id = ?`).get(id)) throw notFound('retention:nouns.membership', id);
  db.sqlite.prepare(`UPDATE retention_memberships SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(id);
  return { id };
}
