import { CONTACT_LEVELS, type ContactLevel } from '../../../shared/features/accounts';
import type { ConvertedRow } from '../../../shared/features/import/convert';
import { foldHeader } from '../../../shared/features/import/fields';
import { message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { contactsOfClient, importWriters } from './repository';
import { clientResolver } from './resolve-client';
import { updateFromRow } from './row-update';
import type { RowHandler, RunOptions } from './row-types';

/** Contact levels as offices write them, in the app's languages. */
const LEVEL_WORDS: Record<ContactLevel, string[]> = {
  owner: ['owner', 'tulajdonos', 'propriétaire', 'gérant', 'savininkas', 'เจ้าของ', 'владелец', 'собственник'],
  executive: ['executive', 'director', 'manager', 'vezető', 'igazgató', 'ügyvezető', 'directeur', 'dirigeant', 'direktorius', 'vadovas', 'ผู้บริหาร', 'директор', 'руководитель'],
  finance: ['finance', 'accounting', 'pénzügy', 'könyvelés', 'finances', 'comptabilité', 'finansai', 'buhalterija', 'การเงิน', 'บัญชี', 'финансы', 'бухгалтерия'],
  purchasing: ['purchasing', 'buyer', 'procurement', 'beszerzés', 'achats', 'acheteur', 'pirkimai', 'จัดซื้อ', 'закупки', 'снабжение'],
  staff: ['staff', 'employee', 'munkatárs', 'alkalmazott', 'employé', 'salarié', 'darbuotojas', 'พนักงาน', 'сотрудник'],
};
/** The levels by their keys, which a file may always use whatever its language. */
const LEVEL_REASON = message('import:reasons.level', { levels: CONTACT_LEVELS.map((l) => message(`import:levels.${l}`)) });
const LEVEL_BY_WORD = new Map(Object.entries(LEVEL_WORDS).flatMap(([level, words]) => words.map((w) => [foldHeader(w), level as ContactLevel] as const)));

export function readLevel(text: string | null): ContactLevel | null {
  if (text === null) return 'staff';
  return LEVEL_BY_WORD.get(foldHeader(text)) ?? null;
}

/**
 * A contacts file: each row belongs to a client (by its key) and is matched
 * to that client's contacts by name, ignoring case; new people are added.
 */
export function contactRowHandler(db: Db, opts: RunOptions): RowHandler {
  const writers = opts.write ? importWriters(db) : null;
  const clients = clientResolver(db, opts, writers);
  const byClient = new Map<number, Map<string, number>>();
  const seen = new Map<string, number>();
  const contactsOf = (clientId: number) => {
    let m = byClient.get(clientId);
    if (!m) {
      m = new Map();
      for (const c of contactsOfClient(db, clientId)) if (!m.has(c.name.trim().toLowerCase())) m.set(c.name.trim().toLowerCase(), c.id);
      byClient.set(clientId, m);
    }
    return m;
  };
  return {
    counts: clients.counts,
    handle(row: ConvertedRow, write: boolean) {
      const v = { ...row.values };
      const level = readLevel(typeof v.level === 'string' ? v.level : null);
      if (!level) return { action: 'reject', reason: LEVEL_REASON };
      v.level = level;
      const client = clients.resolve(v.client, null, write);
      if ('rejected' in client) return { action: 'reject', reason: client.rejected };
      const name = String(v.name).trim();
      const identity = `${client.known ? client.id : `new:${client.key}`}|${name.toLowerCase()}`;
      const first = seen.get(identity);
      if (first !== undefined) return { action: 'reject', reason: message('import:reasons.sameContact', { line: first }) };
      seen.set(identity, row.line);
      const existing = client.known ? contactsOf(client.id!).get(name.toLowerCase()) : undefined;
      if (existing !== undefined) {
        // The level column only overrides when the file has one.
        if (row.values.level === undefined || row.values.level === null) delete v.level;
        // Matched by name ignoring case: the stored spelling stays.
        delete v.name;
        return { action: updateFromRow(db, 'contacts', existing, v, writers, opts, write) };
      }
      if (write && writers && opts.importId !== null) writers.contact(client.id!, v, opts.importId);
      return { action: 'add' };
    },
  };
}
