import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './connection';

interface EntityColumns {
  id: SQLiteColumn;
  archivedAt: SQLiteColumn;
  updatedAt: SQLiteColumn;
}
type EntityTable = SQLiteTable & EntityColumns & { clientId?: SQLiteColumn };

export interface ListFilter {
  clientId?: number;
  includeArchived?: boolean;
}

const now = () => new Date().toISOString();

/** The list/get/insert/update/archive shape every record type shares; R is the row as services see it. */
export function crudRepository<R>(table: EntityTable, order: { column: SQLiteColumn; direction: 'asc' | 'desc' }, decode: (row: any) => R = (r) => r) {
  const t = table as any;
  return {
    list(db: Db, filter: ListFilter = {}): R[] {
      const where: SQL[] = [];
      if (filter.clientId !== undefined) where.push(eq(t.clientId, filter.clientId));
      if (!filter.includeArchived) where.push(isNull(t.archivedAt));
      const rows = db.orm
        .select()
        .from(t)
        .where(where.length ? and(...where) : undefined)
        .orderBy(order.direction === 'asc' ? asc(order.column) : desc(order.column), asc(t.id))
        .all();
      return rows.map(decode);
    },
    get(db: Db, id: number): R | undefined {
      const row = db.orm.select().from(t).where(eq(t.id, id)).get();
      return row ? decode(row) : undefined;
    },
    insert(db: Db, values: Record<string, unknown>): number {
      // run(), not returning().get(): get() drops the error of a commit that fails (a full disk) and reports success.
      const res = db.orm.insert(t).values(values).run();
      return Number(res.lastInsertRowid);
    },
    update(db: Db, id: number, values: Record<string, unknown>): boolean {
      const res = db.orm.update(t).set({ ...values, updatedAt: now() }).where(eq(t.id, id)).run();
      return res.changes > 0;
    },
    setArchived(db: Db, id: number, archived: boolean): boolean {
      const res = db.orm
        .update(t)
        .set({ archivedAt: archived ? now() : null, updatedAt: now() })
        .where(eq(t.id, id))
        .run();
      return res.changes > 0;
    },
    count(db: Db): number {
      const row = db.orm.select({ n: sql<number>`count(*)` }).from(t).where(isNull(t.archivedAt)).get() as { n: number };
      return row.n;
    },
  };
}

export type CrudRepository<R> = ReturnType<typeof crudRepository<R>>;
