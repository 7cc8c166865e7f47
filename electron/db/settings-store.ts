import { eq } from 'drizzle-orm';
import type { Db } from './connection';
import { settings } from './schema';

export function readSetting<T>(db: Db, key: string): T | undefined {
  const row = db.orm.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return undefined;
  return JSON.parse(row.value) as T;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  const text = JSON.stringify(value ?? null);
  db.orm.insert(settings).values({ key, value: text }).onConflictDoUpdate({ target: settings.key, set: { value: text } }).run();
}
