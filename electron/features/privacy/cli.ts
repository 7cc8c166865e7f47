import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { positiveInt, UsageError, str, type CliArgs, type CliCommand } from '../../cli/command';
import { fileState, keyFor, setProcessKey } from '../../db/connection';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { jobRegistry } from '../../jobs/registry';
import { runTaskHere } from '../../jobs/tasks';
import type { ErasureReport } from '../../../shared/features/privacy/types';
import { backupsToKeep } from '../backups';
import { encryptInPlace } from './encrypt';
import { formatRecoveryKey, newKey } from './keys';
import { writePersonExport } from './person-export';
import { eraseAndScrub, erasurePreview, privacyStatus } from './service';

/** The one subject of a `person` command: --contact ID or --client ID, exactly one. */
function subject(a: CliArgs, allowClient: boolean): { kind: 'contact' | 'client'; id: number } {
  const contact = positiveInt(str(a.values.contact), 'contact');
  const client = allowClient ? positiveInt(str(a.values.client), 'client') : undefined;
  if ((contact === undefined) === (client === undefined)) throw new UsageError(allowClient ? 'person erase needs --contact ID or --client ID' : 'person export needs --contact ID');
  return contact !== undefined ? { kind: 'contact', id: contact } : { kind: 'client', id: client! };
}

const count = (r: ErasureReport) => ({ removed: r.removed.reduce((n, x) => n + x.ids.length, 0), redacted: r.redacted.length });

function describe(r: ErasureReport, done: boolean): string {
  const lines = [done ? `Erased ${r.subject.kind} #${r.subject.id}.` : `Erasing ${r.subject.kind} #${r.subject.id} would:`];
  for (const x of r.removed) lines.push(`  ${done ? 'removed' : 'remove'} ${x.ids.length} from ${x.table}: ${x.ids.join(', ')}`);
  for (const x of r.redacted) lines.push(`  ${done ? 'rewrote' : 'rewrite'} ${x.table} #${x.id} (${x.fields?.join(', ')})`);
  for (const x of r.searchIndex) lines.push(`  ${done ? 'took' : 'take'} ${x.rows} entries out of the search index ${x.table}`);
  for (const x of r.toReview) lines.push(`  to review and edit: ${x.table} #${x.id} (${x.fields?.join(', ')})`);
  if (r.backupsToExpire.length) lines.push(`  ${r.backupsToExpire.length} older backup(s) still hold them; deleted on ${r.backupsToExpire[0].expiresAt.slice(0, 10)}`);
  return lines.join('\n') + '\n';
}

async function person(a: CliArgs): Promise<number> {
  if (a.kind === 'export') {
    const out = str(a.values.out);
    if (!out) throw new UsageError('person export needs --out FILE.json');
    const { id } = subject(a, false);
    const db = openDatabase(a.db, findMigrationsFolder());
    try {
      const files = await writePersonExport(db, id, out);
      a.out(a.json ? JSON.stringify(files) + '\n' : `Wrote ${files.json} and ${files.xlsx}.\n`);
      return 0;
    } finally {
      db.sqlite.close();
    }
  }
  const s = subject(a, true);
  const db = openDatabase(a.db, findMigrationsFolder());
  try {
    if (a.values.yes !== true) {
      const preview = erasurePreview(db, s);
      a.out(a.json ? JSON.stringify({ erased: false, ...preview }) + '\n' : `${describe(preview, false)}Nothing was erased: add --yes to erase.\n`);
      return 2;
    }
    const r = eraseAndScrub(db, s);
    a.out(a.json ? JSON.stringify({ erased: true, totals: count(r), ...r }) + '\n' : describe(r, true));
    return 0;
  } finally {
    db.sqlite.close();
  }
}

/** Writes a new key file readable by its owner only, as the grouped recovery key (what `--key-file` reads back). */
function writeKeyFile(path: string, key: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, `${formatRecoveryKey(key)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function encrypt(a: CliArgs): Promise<number> {
  if (fileState(a.db) !== 'plain') throw new UsageError(fileState(a.db) === 'encrypted' ? `${a.db} is already encrypted (or is not a database)` : `${a.db} does not exist`);
  const newKeyFile = str(a.values['new-key-file']);
  let key = keyFor({});
  if (key && newKeyFile) throw new UsageError('give either --key-file / RAPPORT_KEY or --new-key-file, not both');
  if (!key) {
    if (!newKeyFile) throw new UsageError('encrypt needs the key: --key-file FILE, RAPPORT_KEY, or --new-key-file FILE to make one');
    key = newKey();
    // Saved (and flushed) before the file is touched: without it an encrypted file cannot be opened.
    writeKeyFile(newKeyFile, key);
    setProcessKey(key);
  }
  const db = openDatabase(a.db, findMigrationsFolder());
  const jobs = jobRegistry();
  let last = -1;
  try {
    const result = await new Promise<{ backup: string; encryptedBackups: number }>((resolve, reject) =>
      jobs.start(
        (ctl) =>
          encryptInPlace(db, key, { ...ctl, onProgress: (p) => {
            const pct = p.total ? Math.floor((100 * p.done) / p.total) : 0;
            if (!a.json && pct !== last && pct % 10 === 0) (last = pct), process.stderr.write(`${p.phase} ${pct}%\n`);
          } }, { runTask: runTaskHere, keep: backupsToKeep(db) }).then(resolve, reject),
        'backup',
      ),
    );
    a.out(a.json ? JSON.stringify({ encrypted: true, ...result }) + '\n' : `Encrypted ${a.db} (a verified encrypted backup was made first: ${result.backup}; older backups encrypted: ${result.encryptedBackups}).\nKeep the key${newKeyFile ? ` in ${newKeyFile}` : ''} safe: without it the database cannot be opened.\n`);
    return 0;
  } finally {
    db.sqlite.close();
  }
}

export const privacyCommands: CliCommand[] = [
  {
    name: 'person',
    usage: ['person export --contact ID --db FILE --out FILE.json   (also writes FILE.xlsx)', 'person erase --contact ID | --client ID --db FILE --yes [--json]'],
    kinds: ['export', 'erase'],
    options: { contact: { type: 'string' }, client: { type: 'string' }, out: { type: 'string' }, yes: { type: 'boolean', default: false } },
    check: (a) => void subject(a, a.kind === 'erase'),
    run: person,
  },
  {
    name: 'encrypt',
    usage: ['encrypt --db FILE [--new-key-file FILE]   (converts a plain database in place, after a verified backup)'],
    options: { 'new-key-file': { type: 'string' } },
    run: encrypt,
  },
  {
    name: 'privacy',
    usage: ['privacy status --db FILE [--json]'],
    kinds: ['status'],
    run(a) {
      const db = openDatabase(a.db, findMigrationsFolder());
      try {
        const s = privacyStatus(db, null);
        if (a.json) a.out(JSON.stringify(s) + '\n');
        else
          a.out(
            `${s.encrypted ? 'Encrypted' : 'Not encrypted'}; passphrase ${s.passphrase ? 'set' : 'not set'}; plain backups: ${s.plainBackups}; backups to expire: ${s.expiringBackups.length}\n` +
              `Contact fields kept: ${Object.entries(s.settings.contactFields).filter(([, v]) => v).map(([k]) => k).join(', ') || 'none'}\n` +
              `Lost clients' interactions kept: ${s.settings.lostInteractionsMonths === null ? 'always' : `${s.settings.lostInteractionsMonths} months`}\n`,
          );
        return 0;
      } finally {
        db.sqlite.close();
      }
    },
  },
];
