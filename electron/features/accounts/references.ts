import type { Db } from '../../db/connection';
import { clientsRepo, contactsRepo } from './repository';
import { fieldError } from '../../errors';

/** A contact named on a record must exist and belong to the same client. */
export function checkContactOfClient(db: Db, field: string, contactId: number | null, clientId: number): void {
  if (contactId === null) return;
  const contact = contactsRepo.get(db, contactId);
  if (!contact || contact.clientId !== clientId) {
    throw fieldError(field, 'accounts:errors.contactOfClient');
  }
}

export function checkClientExists(db: Db, clientId: number): void {
  if (!clientsRepo.get(db, clientId)) throw fieldError('clientId', 'common:errors.notFound', { what: { key: 'accounts:nouns.client' }, id: clientId });
}
