import type { ContactLevel } from '../../../shared/features/accounts';
import { relationshipFlags, type Person, type Stance } from '../../../shared/features/dossiers/people';
import type { PeopleView } from '../../../shared/features/dossiers/types';
import type { Db } from '../../db/connection';
import { fieldError, notFound } from '../../errors';

const LEVEL_ORDER = `CASE c.level WHEN 'owner' THEN 0 WHEN 'executive' THEN 1 WHEN 'finance' THEN 2 WHEN 'purchasing' THEN 3 ELSE 4 END`;

/** The client's active contacts by level, with stance, influence, reports-to and informal influence. */
export function peopleOf(db: Db, clientId: number): PeopleView {
  if (!db.sqlite.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(clientId)) throw notFound('accounts:nouns.client', clientId);
  const rows = db.sqlite
    .prepare(
      `SELECT c.id AS contactId, c.name, c.level, c.role, c.reports_to_id AS reportsToId, p.stance, p.influence
         FROM contacts c LEFT JOIN dossier_people p ON p.contact_id = c.id
        WHERE c.client_id = ? AND c.archived_at IS NULL
        ORDER BY ${LEVEL_ORDER}, c.name COLLATE NOCASE, c.id`,
    )
    .all(clientId) as (Omit<Person, 'influences'> & { level: ContactLevel; stance: Stance | null })[];
  const links = db.sqlite
    .prepare(`SELECT i.from_id AS fromId, i.to_id AS toId FROM dossier_influences i JOIN contacts c ON c.id = i.from_id WHERE c.client_id = ?`)
    .all(clientId) as { fromId: number; toId: number }[];
  const people: Person[] = rows.map((r) => ({ ...r, influences: links.filter((l) => l.fromId === r.contactId).map((l) => l.toId) }));
  return { clientId, people, flags: relationshipFlags(people) };
}

function contactOrThrow(db: Db, id: number): { id: number; clientId: number } {
  const c = db.sqlite.prepare(`SELECT id, client_id AS clientId FROM contacts WHERE id = ?`).get(id) as { id: number; clientId: number } | undefined;
  if (!c) throw notFound('accounts:nouns.contact', id);
  return c;
}

export function setPerson(db: Db, input: { contactId: number; stance: Stance | null; influence: number | null }): { id: number } {
  contactOrThrow(db, input.contactId);
  db.sqlite
    .prepare(
      `INSERT INTO dossier_people (contact_id, stance, influence, updated_at) VALUES (@contactId, @stance, @influence, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       ON CONFLICT (contact_id) DO UPDATE SET stance = excluded.stance, influence = excluded.influence, updated_at = excluded.updated_at`,
    )
    .run(input);
  return { id: input.contactId };
}

/** Whom this person influences: people of the same client, not themself. */
export function setInfluences(db: Db, input: { contactId: number; influences: number[] }): { id: number } {
  const from = contactOrThrow(db, input.contactId);
  const targets = [...new Set(input.influences)];
  for (const id of targets) {
    if (id === from.id) throw fieldError('influences', 'dossiers:errors.influenceSelf');
    const to = db.sqlite.prepare(`SELECT client_id AS clientId FROM contacts WHERE id = ?`).get(id) as { clientId: number } | undefined;
    if (!to || to.clientId !== from.clientId) throw fieldError('influences', 'dossiers:errors.influenceOtherClient');
  }
  db.sqlite.prepare(`DELETE FROM dossier_influences WHERE from_id = ?`).run(from.id);
  const ins = db.sqlite.prepare(`INSERT INTO dossier_influences (from_id, to_id) VALUES (?, ?)`);
  for (const id of targets) ins.run(from.id, id);
  return { id: from.id };
}
