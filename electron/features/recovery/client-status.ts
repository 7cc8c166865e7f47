import { clientCreate, clientUpdate, type ClientInput, type ClientStatus } from '../../../shared/features/accounts';
import { issueOf } from '../../../shared/kernel/zod-issues';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import { clientsService } from '../accounts';

/**
 * Changes a client's status through the accounts service, keeping every other
 * field as it is. A record that no longer passes the client checks (edited
 * outside Rapport) is refused with its problems, and nothing changes.
 */
export function setClientStatus(db: Db, clientId: number, status: ClientStatus): ClientStatus {
  const client = clientsService.get(db, clientId);
  if (client.status === status) return client.status;
  const { createdAt: _c, updatedAt: _u, archivedAt: _a, ...fields } = client;
  const parsed = clientUpdate.safeParse({ ...fields, status });
  if (!parsed.success) throw new AppError('invalid_input', 'recovery:errors.clientInvalid', { name: client.name }, parsed.error.issues.map(issueOf));
  clientsService.update(db, parsed.data);
  return client.status;
}

/** A new client (a prospect) through the accounts service, with its checks; `prefix` puts field problems under the form's own fields. */
export function createClient(db: Db, input: ClientInput, prefix: string[] = []): number {
  const parsed = clientCreate.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(issueOf).map((i) => ({ ...i, path: [...prefix, ...i.path] }));
    throw new AppError('invalid_input', 'common:errors.fields', undefined, issues);
  }
  return clientsService.create(db, parsed.data).id;
}
