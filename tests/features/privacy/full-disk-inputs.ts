/** What the privacy write channels need on a full disk: used by tests/durability/full-disk.test.ts. */
import { DEFAULT_PRIVACY_SETTINGS } from '../../../shared/features/privacy/types';
import { okCaller, type FullDiskFeature, type RouterCall } from '../../helpers/full-disk';

/**
 * A lost client with a contact whose optional fields are full of text and an
 * old interaction: what saving the settings clears and purges. Erasure,
 * encryption and the passphrase are jobs or file operations (query channels),
 * not commands, so privacy.saveSettings is the one write channel here.
 */
async function privacySeed(call: RouterCall) {
  const ok = okCaller(call);
  const big = (n: number) => 'é'.repeat(n);
  const client = (await ok('clients.create', { name: 'Lost Privately', status: 'lost' })).id as number;
  const contact = (await ok('contacts.create', { clientId: client, name: 'Kept Person', level: 'owner', family: big(1900), hobbies: big(1900), notes: big(15000) })).id as number;
  const interaction = (await ok('interactions.create', { clientId: client, contactId: contact, kind: 'call', date: '2020-01-15', summary: big(4000) })).id as number;
  return { client, contact, interaction };
}

export const privacyFullDisk: FullDiskFeature<Awaited<ReturnType<typeof privacySeed>>> = {
  tables: ['privacy_erasures'],
  seed: privacySeed,
  inputs: () => ({
    // Clears fields on every contact and deletes old interactions of lost clients: all or nothing on a full disk too.
    'privacy.saveSettings': () => ({
      ...DEFAULT_PRIVACY_SETTINGS,
      contactFields: { ...DEFAULT_PRIVACY_SETTINGS.contactFields, family: false, hobbies: false, notes: false },
      lostInteractionsMonths: 24,
    }),
  }),
};
