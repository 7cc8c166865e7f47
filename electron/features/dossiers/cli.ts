import { markedText } from '../../../shared/features/dossiers/text/snippet';
import { UsageError, positiveInt, str, type CliCommand } from '../../cli/command';
import type { Db } from '../../db/connection';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { runTaskHere } from '../../jobs/tasks';
import type { JobControl } from '../../jobs/registry';
import { factsForExport } from './exports';
import { search } from './search';
import { bringUpToDate } from './search-index';

const quiet: JobControl = { onProgress: () => {}, isCancelled: () => false, cancelled: new Promise(() => {}) };

function clientByCode(db: Db, code: string): { id: number; name: string } {
  const c = db.sqlite.prepare(`SELECT id, name FROM clients WHERE code = ?`).get(code) as { id: number; name: string } | undefined;
  if (!c) throw new UsageError(`No client has the code "${code}"`);
  return c;
}

async function withDb<T>(file: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(file, findMigrationsFolder());
  try {
    return await fn(db);
  } finally {
    db.sqlite.close();
  }
}

export const dossiersCommands: CliCommand[] = [
  {
    name: 'dossier',
    usage: ['dossier import FILE.docx --client CODE --db FILE [--json]', 'dossier export --client CODE --db FILE --out FILE.docx'],
    kinds: ['import', 'export'],
    positionals: true,
    options: { client: { type: 'string' }, out: { type: 'string' } },
    check({ kind, positionals, values }) {
      if (!str(values.client)) throw new UsageError('--client CODE is required');
      if (kind === 'import' && positionals.length !== 1) throw new UsageError('dossier import needs exactly one FILE.docx');
      if (kind === 'export') {
        if (positionals.length) throw new UsageError('dossier export takes no FILE: use --out FILE.docx');
        if (!str(values.out)?.toLowerCase().endsWith('.docx')) throw new UsageError('--out FILE.docx is required (PDF needs the app: it prints with Chromium)');
      }
    },
    run: ({ db: file, kind, positionals, values, json, out }) =>
      withDb(file, async (db) => {
        const client = clientByCode(db, str(values.client)!);
        if (kind === 'import') {
          const r = await runTaskHere(db, 'dossiers.importDocx', { clientId: client.id, path: positionals[0] }, quiet);
          if (json) out(JSON.stringify(r) + '\n');
          else {
            out(`Imported into the dossier of ${client.name}: ${r.sections.length} sections, ${r.words} words.\n`);
            for (const s of r.sections) out(`  ${s.filled ? 'filled' : 'added '} ${s.title}\n`);
            if (r.images.length) out(`Left out: ${r.images.length} images${r.images.some((i) => i.alt) ? ` (${r.images.flatMap((i) => (i.alt ? [i.alt] : [])).join('; ')})` : ''}.\n`);
          }
          return 0;
        }
        const r = await runTaskHere(db, 'dossiers.exportDocx', { clientId: client.id, path: str(values.out)!, facts: factsForExport(db, client.id) }, quiet);
        out(json ? JSON.stringify(r) + '\n' : `Wrote the dossier of ${client.name} to ${r.path} (${r.bytes.toLocaleString('en')} bytes)\n`);
        return 0;
      }),
  },
  {
    name: 'search',
    usage: ['search "QUERY" --db FILE [--limit N] [--json]'],
    positionals: true,
    options: { limit: { type: 'string' } },
    check({ positionals, values }) {
      if (positionals.length !== 1 || !positionals[0].trim()) throw new UsageError('search needs one QUERY (quote it when it has spaces)');
      positiveInt(str(values.limit), 'limit', 20);
    },
    run: ({ db: file, positionals, values, json, out }) =>
      withDb(file, async (db) => {
        bringUpToDate(db);
        const r = search(db, { q: positionals[0], limit: Math.min(200, positiveInt(str(values.limit), 'limit', 20)!), offset: 0, typing: false });
        const hits = r.hits.map((h) => ({
          client_code: h.clientCode,
          client: h.clientName,
          kind: h.kind,
          section: h.kind === 'section' ? h.title : null,
          title: h.title,
          snippet: markedText({ text: h.snippet, marks: h.marks, at: h.at }),
          rank: h.rank,
        }));
        if (json) out(JSON.stringify({ total: r.total, hits }) + '\n');
        else {
          out(`${r.total} ${r.total === 1 ? 'match' : 'matches'}${r.total > hits.length ? ` (showing ${hits.length})` : ''}\n`);
          for (const h of hits) out(`${h.rank}. [${h.kind}] ${h.client_code ?? '-'} ${h.client ?? ''} — ${h.title}\n   ${h.snippet}\n`);
        }
        return 0;
      }),
  },
];

