import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_MIGRATIONS } from '../helpers/migrations';

/**
 * Every migration that has landed, with its SHA-256 (the hash Drizzle records
 * in each database). A landed migration is never edited: users' files hold
 * it already. A new migration adds its line here when it lands.
 */
const LANDED: Record<string, string> = {
  '0000_init.sql': '731f00fb6a85bba62eeead37ba707a1cbb460dde1847cc076d0e4993d417f1a9',
  '0001_covering_date_index.sql': '2850af31b17f8df1ad60a1d7b744892b07958f3b4ec6146115a77d9a9ebed071',
  '0002_analytics.sql': 'ffd0e25bd72e1a5509edd2283fcb0f3f52a2fb90836bddd691f70f45c7329a5b',
  '0003_imports.sql': '7f78c2657840c3b8828146a45704f4fc1f0c4d66c6d531f55ce29cc67c659d66',
  '0004_never_lose.sql': '9fc9c84449da23982a4be49dad3b5c8be8d714b7ee40ac5378646899cd50068a',
  '0005_dossiers.sql': 'f1010cdbf696c091802135db0c8adf020411d9548dc1caecfc057dd6c26cec8c',
  '0006_retention.sql': 'de7a08f79a2ac9ba79eee7e4bc09823c6e10502c82f54ce6951051f30d571096',
  '0007_recovery.sql': '27c98fb92dd760caecead3083d8f6a26b83e10956c89f4913a92faad1125d1aa',
  '0008_privacy.sql': '8dde9d61ce93e32dfb8c6a017246530ea16f0ef9bd14dcc471b1c5674f3a1e35',
};

describe('migrations', () => {
  const files = readdirSync(REAL_MIGRATIONS).filter((f) => f.endsWith('.sql')).sort();
  const journal = JSON.parse(readFileSync(join(REAL_MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

  it('are frozen once landed: each file hashes as it did', () => {
    for (const [file, hash] of Object.entries(LANDED)) {
      expect(createHash('sha256').update(readFileSync(join(REAL_MIGRATIONS, file))).digest('hex'), `${file} was edited after it landed`).toBe(hash);
    }
  });

  it('every file is listed in the journal, in order, and the landed ones come first', () => {
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files);
    // Migrations not yet landed follow the landed ones; each adds its hash above when it lands.
    expect(files.slice(0, Object.keys(LANDED).length)).toEqual(Object.keys(LANDED).sort());
  });
});
