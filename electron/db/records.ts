import type { Db } from './connection';
import type { CrudRepository } from './crud';
import type { MessageKey } from '../../shared/i18n';
import { AppError, notFound } from '../errors';

type WithId = { id: number };

export interface RecordHooks<C, U extends WithId> {
  /** Checks that need the database (references to other records); throw AppError to refuse. */
  check?: (db: Db, input: C | U) => void;
  /** Maps validated input to column values. */
  toRow?: (db: Db, input: C | U) => Record<string, unknown>;
}

function translateConstraint(err: unknown): never {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    throw new AppError('invalid_input', 'common:errors.linkedMissing');
  }
  throw err;
}

/** create/update/archive/restore/list handlers for one record type, sharing one repository. */
export function recordService<R, C extends object, U extends WithId>(label: MessageKey, repo: CrudRepository<R>, hooks: RecordHooks<C, U> = {}) {
  const toRow = (db: Db, input: C | U) => {
    const { id: _id, ...rest } = (hooks.toRow ? hooks.toRow(db, input) : input) as Record<string, unknown>;
    return rest;
  };
  const requireExisting = (db: Db, id: number): R => {
    const row = repo.get(db, id);
    if (!row) throw notFound(label, id);
    return row;
  };
  return {
    list: (db: Db, filter: { clientId?: number; includeArchived?: boolean }) => repo.list(db, filter),
    get: requireExisting,
    create(db: Db, input: C): WithId {
      hooks.check?.(db, input);
      try {
        return { id: repo.insert(db, toRow(db, input)) };
      } catch (err) {
        translateConstraint(err);
      }
    },
    update(db: Db, input: U): WithId {
      requireExisting(db, input.id);
      hooks.check?.(db, input);
      try {
        repo.update(db, input.id, toRow(db, input));
      } catch (err) {
        translateConstraint(err);
      }
      return { id: input.id };
    },
    archive(db: Db, { id }: WithId): WithId {
      requireExisting(db, id);
      repo.setArchived(db, id, true);
      return { id };
    },
    restore(db: Db, { id }: WithId): WithId {
      requireExisting(db, id);
      repo.setArchived(db, id, false);
      return { id };
    },
  };
}
