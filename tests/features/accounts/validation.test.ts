import { describe, expect, it } from 'vitest';
import { profileIssues } from '../../../shared/features/accounts/profile';
import { clientUpdate, contactUpdate, purchaseCreate } from '../../../shared/features/accounts/schemas';
import type { ClientTypeField } from '../../../shared/features/accounts/types';
import { issueOf } from '../../../shared/kernel/zod-issues';
import { checkProfile } from '../../../electron/features/accounts/clients';

const paths = (r: { success: boolean; error?: { issues: Parameters<typeof issueOf>[0][] } }) => (r.error?.issues ?? []).map((i) => `${issueOf(i).path.join('.')}: ${issueOf(i).key}`).sort();

const field = (key: string, kind: ClientTypeField['kind'], options: string[] = []): ClientTypeField => ({
  id: 1, typeId: 1, key, label: key.toUpperCase(), kind, options, position: 0, createdAt: '', updatedAt: '', archivedAt: null,
});

describe('every problem in one round', () => {
  it('a purchase names a bad quantity and a missing amount together', () => {
    expect(paths(purchaseCreate.safeParse({ clientId: 1, date: '2026-01-01', quantity: Number.NaN, amount: null, unitPrice: null }))).toEqual([
      'amount: accounts:errors.amountOrPrice',
      'quantity: accounts:errors.quantityNumber',
    ]);
  });

  it('a client names a bad e-mail together with a self-referral', () => {
    expect(paths(clientUpdate.safeParse({ id: 3, name: 'Orion', email: 'not-an-address', referredById: 3 }))).toEqual([
      'email: common:errors.email',
      'referredById: accounts:errors.selfReferral',
    ]);
  });

  it('a cross-field rule waits only for the fields it reads', () => {
    expect(paths(contactUpdate.safeParse({ id: 'x', clientId: 1, name: 'Anna', level: 'owner', reportsToId: 5 }))).toEqual(['id: common:errors.id']);
  });

  it('the portrait is checked in the renderer with main\'s messages, every field at once', () => {
    const fields = [field('floor', 'number'), field('segment', 'select', ['Economy', 'Premium']), field('brands', 'list')];
    const profile = { floor: '1 250 m2', segment: 'Luxury', brands: ['A'], ghost: 'x' };
    expect(profileIssues(fields, profile)).toEqual([
      { path: ['profile.floor'], key: 'accounts:errors.profileKind', params: { label: 'FLOOR', kind: { key: 'accounts:fieldKindArticle.number' } } },
      { path: ['profile.segment'], key: 'accounts:errors.profileOneOf', params: { label: 'SEGMENT', options: 'Economy, Premium' } },
      { path: ['profile.ghost'], key: 'accounts:errors.profileUnknownField', params: { key: 'ghost' } },
    ]);
    // The same first message as main's own check, so the form and the router never disagree.
    try {
      checkProfile(fields, profile);
      throw new Error('main accepted it');
    } catch (e) {
      expect((e as { issues: unknown[] }).issues[0]).toEqual(profileIssues(fields, profile)[0]);
    }
    expect(profileIssues(fields, { floor: 1250, segment: 'Premium', brands: [] })).toEqual([]);
  });
});
