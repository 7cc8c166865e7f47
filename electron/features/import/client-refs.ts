import type { ClientStatus } from '../../../shared/features/accounts';
import type { CellProblem, ConvertedRow } from '../../../shared/features/import/convert';
import { foldHeader } from '../../../shared/features/import/fields';
import { quoted } from '../../../shared/features/import/messages';
import { message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';

/** Client statuses as files write them, in the app's languages. */
const STATUS_WORDS: Record<ClientStatus, string[]> = {
  prospect: ['prospect', 'lead', 'érdeklődő', 'potenciális', 'prospect', 'potentiel', 'potencialus', 'ผู้มุ่งหวัง', 'ลูกค้าเป้าหมาย', 'потенциальный', 'лид'],
  active: ['active', 'aktív', 'actif', 'active', 'aktyvus', 'ใช้งานอยู่', 'ปกติ', 'активный', 'действующий'],
  dormant: ['dormant', 'inactive', 'alvó', 'inaktív', 'dormant', 'inactif', 'neaktyvus', 'เงียบหาย', 'ไม่เคลื่อนไหว', 'спящий', 'неактивный'],
  lost: ['lost', 'elvesztett', 'elveszett', 'perdu', 'prarastas', 'สูญเสีย', 'потерянный', 'потерян', 'ушёл'],
};
const STATUS_BY_WORD = new Map(Object.entries(STATUS_WORDS).flatMap(([s, words]) => words.map((w) => [foldHeader(w), s as ClientStatus] as const)));

/**
 * A clients file names a client's manager, type and status in words; the
 * database holds ids and keys. A word that names nothing known leaves that
 * one field out (the client is still imported) with a problem on its cell.
 */
export function clientRefs(db: Db, columns: Partial<Record<'manager' | 'type' | 'status', number>>) {
  const managers = new Map<string, number>();
  for (const m of db.sqlite.prepare(`SELECT id, name FROM managers WHERE archived_at IS NULL ORDER BY id`).all() as { id: number; name: string }[]) {
    if (!managers.has(foldHeader(m.name))) managers.set(foldHeader(m.name), m.id);
  }
  const types = new Map<string, number>();
  for (const t of db.sqlite.prepare(`SELECT id, key, name FROM client_types ORDER BY id`).all() as { id: number; key: string; name: string }[]) {
    for (const w of [t.name, t.key]) if (!types.has(foldHeader(w))) types.set(foldHeader(w), t.id);
  }
  const problem = (field: 'manager' | 'type' | 'status', p: CellProblem['key'], text: string): CellProblem => ({ column: columns[field] ?? -1, field, ...message(p, { value: quoted(text) }) });
  /** Turns the row's words into `managerId`, `typeId` and `status`; returns whether a value had to be left out. */
  return (row: ConvertedRow): boolean => {
    const v = row.values;
    let leftOut = false;
    const word = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);
    const manager = word(v.manager);
    const type = word(v.type);
    const status = word(v.status);
    delete v.manager;
    delete v.type;
    delete v.status;
    if (manager !== null) {
      const id = managers.get(foldHeader(manager));
      if (id === undefined) (leftOut = true), row.problems.push(problem('manager', 'import:problems.unknownManager', manager));
      else v.managerId = id;
    }
    if (type !== null) {
      const id = types.get(foldHeader(type));
      if (id === undefined) (leftOut = true), row.problems.push(problem('type', 'import:problems.unknownType', type));
      else v.typeId = id;
    }
    if (status !== null) {
      const s = STATUS_BY_WORD.get(foldHeader(status));
      if (s === undefined) (leftOut = true), row.problems.push(problem('status', 'import:problems.badStatus', status));
      else v.status = s;
    }
    return leftOut;
  };
}
