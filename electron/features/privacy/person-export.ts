import { writeFileSync } from 'node:fs';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import { inEnglish } from '../../i18n';
import { writeSheetXlsx } from '../export';
import type { PersonExport } from '../../../shared/features/privacy/types';
import { matcher } from './mentions';

type Row = Record<string, unknown>;

/** Where a mention of someone may sit, outside their own records (the same places an erasure rewrites). */
const MENTION_TEXT: { table: string; cols: string[] }[] = [
  { table: 'interactions', cols: ['summary', 'outcome'] },
  { table: 'tasks', cols: ['title', 'notes'] },
  { table: 'contacts', cols: ['role', 'family', 'hobbies', 'food_preferences', 'notes'] },
  { table: 'clients', cols: ['notes'] },
];
const FN = 'rapport_privacy_export_names';

/**
 * Everything kept about one contact (GDPR art. 15 and 20): every column of
 * their record, the interactions and tasks with them, the import history of
 * their record, and text elsewhere that names them. Other people's names
 * (their colleagues at the same client) are cut out of any text included,
 * so the export holds nothing of anyone else.
 */
export function personExport(db: Db, contactId: number, now = new Date()): PersonExport {
  const s = db.sqlite;
  const contact = s.prepare(`SELECT * FROM contacts WHERE id = ?`).get(contactId) as Row | undefined;
  if (!contact) throw new AppError('not_found', 'common:errors.notFound', { what: { key: 'privacy:nouns.contact' }, id: contactId });
  const clientId = contact.client_id as number;
  const client = s.prepare(`SELECT id, name, code FROM clients WHERE id = ?`).get(clientId) as PersonExport['client'];
  const others = s.prepare(`SELECT name, email, phone FROM contacts WHERE client_id = ? AND id <> ?`).all(clientId, contactId) as { name: string; email: string | null; phone: string | null }[];
  const them = matcher([contact as { name: string; email: string | null; phone: string | null }]);
  const notThem = matcher(others);
  const clean = (r: Row): Row => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && notThem.names(v) ? notThem.redact(v) : v]));
  // A link to another person is theirs, not this person's: kept as an id only.
  const interactions = (s.prepare(`SELECT * FROM interactions WHERE contact_id = ? ORDER BY date, id`).all(contactId) as Row[]).map(clean);
  const tasks = (s.prepare(`SELECT * FROM tasks WHERE contact_id = ? ORDER BY due_date, id`).all(contactId) as Row[]).map(clean);
  const linked = new Map([['interactions', new Set(interactions.map((r) => r.id))], ['tasks', new Set(tasks.map((r) => r.id))], ['contacts', new Set([contactId])]]);
  s.function(FN, { deterministic: true }, (t: unknown) => (them.names(t) ? 1 : 0));
  const mentions: PersonExport['mentions'] = [];
  for (const t of MENTION_TEXT) {
    const rows = s.prepare(`SELECT id, ${t.cols.join(', ')} FROM ${t.table} WHERE ${t.cols.map((c) => `${FN}(${c})`).join(' OR ')} ORDER BY id`).all() as Row[];
    for (const r of rows) {
      if (linked.get(t.table)?.has(r.id)) continue;
      for (const c of t.cols) if (them.names(r[c])) mentions.push({ table: t.table, id: r.id as number, field: c, text: notThem.redact(r[c] as string) });
    }
  }
  const parse = (v: unknown) => {
    try {
      return typeof v === 'string' ? JSON.parse(v) : v;
    } catch {
      return v;
    }
  };
  const importHistory = (s.prepare(`SELECT import_id AS importId, before, after FROM import_changes WHERE table_name = 'contacts' AND row_id = ? ORDER BY id`).all(contactId) as Row[]).map(
    (r) => ({ importId: r.importId as number, before: parse(r.before), after: parse(r.after) }),
  );
  return { exportedAt: now.toISOString(), contact, client, interactions, tasks, mentions, importHistory };
}

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The export as one readable sheet: section, record, field, value: one line per field, nothing left out. */
function sheetRows(p: PersonExport): string[][] {
  const t = (k: Parameters<typeof inEnglish>[0]) => inEnglish(k);
  const rows: string[][] = [];
  const record = (section: string, label: string, r: Row) => {
    for (const [k, v] of Object.entries(r)) rows.push([section, label, k, cell(v)]);
  };
  record(t('privacy:sheet.contact'), `#${p.contact.id}`, p.contact);
  record(t('privacy:sheet.client'), `#${p.client.id}`, p.client as unknown as Row);
  for (const r of p.interactions) record(t('privacy:sheet.interaction'), `#${r.id} ${cell(r.date)} ${cell(r.kind)}`, r);
  for (const r of p.tasks) record(t('privacy:sheet.task'), `#${r.id} ${cell(r.due_date)}`, r);
  for (const m of p.mentions) rows.push([t('privacy:sheet.mention'), `${m.table} #${m.id}`, m.field, m.text]);
  for (const h of p.importHistory) {
    rows.push([t('privacy:sheet.importHistory'), `#${h.importId}`, 'before', cell(h.before)]);
    rows.push([t('privacy:sheet.importHistory'), `#${h.importId}`, 'after', cell(h.after)]);
  }
  return rows;
}

/** Where the pair of files goes: FILE.json and FILE.xlsx from either name. */
export function exportPaths(path: string): { json: string; xlsx: string } {
  const base = path.replace(/\.(json|xlsx)$/i, '');
  return { json: `${base}.json`, xlsx: `${base}.xlsx` };
}

/** Writes the JSON (for another system, art. 20) and the .xlsx (for the person to read), both readable by the user only. */
export async function writePersonExport(db: Db, contactId: number, path: string): Promise<{ json: string; xlsx: string }> {
  const data = personExport(db, contactId);
  const out = exportPaths(path);
  writeFileSync(out.json, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
  const rows = sheetRows(data);
  const header = (k: Parameters<typeof inEnglish>[0]) => ({ header: inEnglish(k), kind: 'text' as const });
  await writeSheetXlsx(
    out.xlsx,
    {
      title: inEnglish('privacy:sheet.title', { name: String(data.contact.name), date: data.exportedAt.slice(0, 10) }),
      sheetName: inEnglish('privacy:sheet.name'),
      filter: '',
      currency: 'EUR',
      columns: [header('privacy:sheet.section'), header('privacy:sheet.record'), header('privacy:sheet.field'), header('privacy:sheet.value')],
    },
    rows,
    { total: rows.length, sample: rows.slice(0, 50) },
  );
  return out;
}
