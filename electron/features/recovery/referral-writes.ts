import type { ReferralInput } from '../../../shared/features/recovery/schemas';
import type { Db } from '../../db/connection';
import type { MessageKey } from '../../../shared/i18n';
import { AppError } from '../../errors';
import type { CaseRecord } from './case-rows';
import { createClient } from './client-status';

/**
 * Records who the lost client introduced: an existing client as it is, or a
 * new prospect (source "referral", referred by the lost client) created
 * through the accounts service. Returns the referred client's id.
 */
/** A problem with one field of the referral's sub-form, at its full path (['referral', 'name']). */
const at = (path: string[], field: string, key: MessageKey) => new AppError('invalid_input', key, undefined, [{ path: [...path, field], key }]);

export function createReferral(db: Db, lost: CaseRecord, input: ReferralInput, path: string[]): number {
  let referredId: number;
  if (input.existingClientId !== null) {
    const exists = db.sqlite.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(input.existingClientId);
    if (!exists || input.existingClientId === lost.client_id) throw at(path, 'existingClientId', 'recovery:errors.chooseReferred');
    const twice = db.sqlite.prepare(`SELECT 1 FROM recovery_referrals WHERE referrer_id = ? AND referred_id = ? AND archived_at IS NULL`).get(lost.client_id, input.existingClientId);
    if (twice) throw at(path, 'existingClientId', 'recovery:errors.referredTwice');
    referredId = input.existingClientId;
  } else {
    if (input.typeId !== null && !db.sqlite.prepare(`SELECT 1 FROM client_types WHERE id = ?`).get(input.typeId)) throw at(path, 'typeId', 'recovery:errors.chooseType');
    referredId = createClient(
      db,
      { name: input.name!, typeId: input.typeId, status: 'prospect', source: 'referral', referredById: lost.client_id, phone: input.phone, email: input.email, city: input.city, notes: input.note },
      path,
    );
  }
  db.sqlite
    .prepare(`INSERT INTO recovery_referrals (case_id, referrer_id, referred_id, contact_name, note) VALUES (?, ?, ?, ?, ?)`)
    .run(lost.id, lost.client_id, referredId, input.contactName, input.note);
  return referredId;
}
