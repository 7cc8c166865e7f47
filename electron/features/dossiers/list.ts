import type { AbcClass } from '../../../shared/features/analytics';
import type { DossierRow } from '../../../shared/features/dossiers/types';
import type { Db } from '../../db/connection';
import { cachedReport } from '../analytics';
import { shownTitle, type SectionKey } from '../../../shared/features/dossiers/template';
import { userTranslator } from './labels';

interface ListRow {
  id: number;
  clientId: number | null;
  code: string | null;
  client: string | null;
  title: string;
  manager: string | null;
  words: number;
  sections: number;
  emptyTitles: string | null;
  updatedAt: string;
}

/** The Dossiers page: every dossier with its account, manager, ABC class, words, last edit and empty sections. */
export function listDossiers(db: Db): DossierRow[] {
  const rows = db.sqlite
    .prepare(
      `SELECT d.id, d.client_id AS clientId, c.code, c.name AS client, d.title, m.name AS manager,
              COALESCE(SUM(s.words), 0) AS words, COUNT(s.id) AS sections,
              json_group_array(CASE WHEN trim(s.text) = '' AND s.doc NOT LIKE '%"type":"liveFacts"%' AND s.doc NOT LIKE '%"type":"table"%' THEN json_object('title', s.title, 'key', s.template_key) END) AS emptyTitles,
              MAX(d.updated_at, COALESCE(MAX(s.updated_at), '')) AS updatedAt
         FROM dossiers d
         LEFT JOIN clients c ON c.id = d.client_id
         LEFT JOIN managers m ON m.id = c.manager_id
         LEFT JOIN dossier_sections s ON s.dossier_id = d.id AND s.archived_at IS NULL
        GROUP BY d.id
        ORDER BY c.name COLLATE NOCASE, d.id`,
    )
    .all() as ListRow[];
  if (!rows.length) return [];
  const t = userTranslator(db);
  const abc = new Map<number, AbcClass>();
  for (const r of cachedReport(db, { scope: { kind: 'company' } }).rows) abc.set(r.id, r.abc);
  return rows.map((r) => {
    const empty = (JSON.parse(r.emptyTitles ?? '[]') as ({ title: string; key: SectionKey | null } | null)[])
      .filter((x) => x !== null)
      .map((x) => shownTitle(x.key, x.title, (k) => t(`sections.${k}`)));
    return {
      id: r.id,
      clientId: r.clientId,
      code: r.code,
      client: r.client ?? r.title,
      manager: r.manager,
      abc: r.clientId !== null ? (abc.get(r.clientId) ?? null) : null,
      words: r.words,
      sections: r.sections,
      emptySections: empty.length,
      emptyTitles: empty,
      updatedAt: r.updatedAt,
    };
  });
}

