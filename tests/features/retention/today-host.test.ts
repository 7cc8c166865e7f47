import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/db/connection';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { stopAnalyticsHost } from '../../../electron/features/analytics';
import { workerTaskRunner } from '../../../electron/jobs/worker-runner';
import { addDays } from '../../../shared/kernel/dates';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { buyEvery, client, contact, note } from './fixtures';

const AS_OF = '2026-06-30';
const WORKER = join(__dirname, '..', '..', '..', 'electron', 'jobs', 'worker.ts');
const keysOf = (t: any, g: string) => t.groups[g].items.map((i: any) => i.key);
const opened: Db[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) stopAnalyticsHost(db);
});

describe('Today with the analytics host', () => {
  it('has its lists gathered by the host: the same answer as gathered in place, kept across a snooze, gathered again after another write', async () => {
    const db = emptyDatabase();
    opened.push(db);
    const c = client(db, 'Diary', { createdAt: AS_OF });
    buyEvery(db, c, addDays(AS_OF, -50), 10, 5, 70, 'Paint');
    contact(db, c, 'Eva', { birthday: '--07-01', family: 'twins', hobbies: 'chess' });
    note(db, c, addDays(AS_OF, -3), 'Asked about paint');
    db.sqlite.prepare(`INSERT INTO tasks (client_id, title, due_date) VALUES (?, 'Send the offer', ?)`).run(c, addDays(AS_OF, -2));
    // The app's connection, with the host; a second connection to the same file gathers in place.
    const app = routerCalls(db, { runTask: workerTaskRunner(WORKER) });
    const other = openDatabase(db.path, findMigrationsFolder());
    const here = routerCalls(other);
    try {
      const hosted = await app.call('retention.today', { asOf: AS_OF });
      expect(hosted).toEqual(await here.call('retention.today', { asOf: AS_OF }));
      expect(hosted.count).toBe(2);
      expect(await app.call('retention.todayCount', { asOf: AS_OF })).toBe(2);
      const birthday = hosted.groups.birthdays.items[0];
      expect(birthday.context).toMatchObject({ contactName: 'Eva', family: 'twins' });

      await app.call('retention.act', { key: birthday.key, action: 'snooze', asOf: AS_OF });
      expect(keysOf(await app.call('retention.today', { asOf: AS_OF }), 'birthdays')).toEqual([]);
      expect(await app.call('retention.todayCount', { asOf: AS_OF })).toBe(1);
      // Another write: the lists are gathered again (by the host), with the new birthday in them.
      const ivo = (await app.call('contacts.create', { clientId: c, name: 'Ivo', level: 'staff', birthday: '--07-02' })).id;
      expect(keysOf(await app.call('retention.today', { asOf: AS_OF }), 'birthdays')).toEqual([expect.stringContaining(`:${ivo}:`)]);
      // The badge and the page asked in the same moment share one gathering and agree.
      const [t, n] = await Promise.all([app.call('retention.today', { asOf: addDays(AS_OF, 1) }), app.call('retention.todayCount', { asOf: addDays(AS_OF, 1) })]);
      expect(n).toBe(t.count);
      expect(t).toEqual(await here.call('retention.today', { asOf: addDays(AS_OF, 1) }));
    } finally {
      other.sqlite.close();
    }
  }, 60_000);
});
