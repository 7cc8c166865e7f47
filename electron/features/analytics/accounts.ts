import { CONTACT_LEVELS, type ContactLevel } from '../../../shared/features/accounts';
import { addDays } from '../../../shared/kernel/dates';
import { shareOf } from '../../../shared/features/analytics/concentration';
import type { AnalyticsSettings } from '../../../shared/features/analytics/settings';
import type { BreadthRow, KamRow, KeyAccount, KeyReason, WalletRow } from '../../../shared/features/analytics/types';
import type { Db } from '../../db/connection';
import { contactsWithLastTouch } from './source';
import type { ScopeRanking } from './ranking';
import { FLAG, type PurchaseStore } from './store';

const FLAG_REASONS = [['keyPotential', 'potential'], ['reputation', 'reputation'], ['innovator', 'innovator'], ['demanding', 'demanding']] as const;

/**
 * Key accounts of the scope: a share of revenue at or above the key share at
 * company, department or manager level (each judged against its own total),
 * or a flag the user set. Each says why. A share makes a client key whatever
 * else; flags are capped: per manager, flagged clients are ranked by revenue
 * in the period (then potential) and admitted while the manager has fewer
 * than `keyPerManager` key accounts. The rest are counted in `flaggedLeftOut`.
 */
export function keyAccounts(store: PurchaseStore, r: ScopeRanking, s: AnalyticsSettings): { accounts: KeyAccount[]; flaggedLeftOut: number } {
  const rev = r.company.revenue;
  let companyTotal = 0;
  const deptTotal = new Map<number, number>();
  const managerTotal = new Map<number, number>();
  for (let c = 0; c < store.clientCount; c++) {
    if (!r.company.present[c]) continue;
    companyTotal += rev[c];
    if (r.departments[c]) deptTotal.set(r.departments[c], (deptTotal.get(r.departments[c]) ?? 0) + rev[c]);
    if (store.cManager[c]) managerTotal.set(store.cManager[c], (managerTotal.get(store.cManager[c]) ?? 0) + rev[c]);
  }
  const deptName = new Map(store.org.departments.map((d) => [d.id, d.name]));
  const managerName = new Map(store.org.managers.map((m) => [m.id, m.name]));
  const account = (c: number, reasons: KeyReason[]): KeyAccount => ({
    id: store.cId[c], name: store.cName[c], managerId: store.cManager[c] || null, manager: managerName.get(store.cManager[c]) ?? null,
    revenue: rev[c], share: shareOf(rev[c], companyTotal), reasons,
  });
  const out: KeyAccount[] = [];
  const byShare = new Map<number, number>();
  const flagged: { c: number; reasons: KeyReason[] }[] = [];
  for (let c = 0; c < store.clientCount; c++) {
    if (!r.inScope[c]) continue;
    const reasons: KeyReason[] = [];
    const level = (kind: KeyReason['kind'], total: number | undefined, of: string) => {
      const share = shareOf(rev[c], total ?? 0);
      if (share >= s.keyShare) reasons.push({ kind, share, of });
    };
    level('company', companyTotal, 'company');
    if (r.departments[c]) level('department', deptTotal.get(r.departments[c]), deptName.get(r.departments[c]) ?? '');
    if (store.cManager[c]) level('manager', managerTotal.get(store.cManager[c]), managerName.get(store.cManager[c]) ?? '');
    const shareReasons = reasons.length;
    for (const [flag, kind] of FLAG_REASONS) if (store.cFlags[c] & FLAG[flag]) reasons.push({ kind });
    if (reasons.length === 0) continue;
    if (shareReasons > 0) {
      out.push(account(c, reasons));
      byShare.set(store.cManager[c], (byShare.get(store.cManager[c]) ?? 0) + 1);
    } else flagged.push({ c, reasons });
  }
  const potential = (c: number) => (store.cPotential[c] > 0 ? store.cPotential[c] : 0);
  flagged.sort((a, b) => rev[b.c] - rev[a.c] || potential(b.c) - potential(a.c) || store.cId[a.c] - store.cId[b.c]);
  let flaggedLeftOut = 0;
  for (const f of flagged) {
    const m = store.cManager[f.c];
    const n = byShare.get(m) ?? 0;
    if (n >= s.keyPerManager) {
      flaggedLeftOut++;
      continue;
    }
    byShare.set(m, n + 1);
    out.push(account(f.c, f.reasons));
  }
  return { accounts: out.sort((a, b) => b.revenue - a.revenue || a.id - b.id), flaggedLeftOut };
}

/** Key accounts per manager; a manager carrying more than the limit is flagged. */
export function kamWorkload(accounts: KeyAccount[], s: AnalyticsSettings): KamRow[] {
  const rows = new Map<number, KamRow>();
  for (const a of accounts) {
    const id = a.managerId ?? 0;
    const row = rows.get(id) ?? { managerId: a.managerId, manager: a.manager ?? '', keyAccounts: 0, overLimit: false, keyRevenueShare: 0, clients: [] };
    row.keyAccounts++;
    row.keyRevenueShare += a.share;
    row.clients.push(a.name);
    rows.set(id, row);
  }
  for (const row of rows.values()) row.overLimit = row.managerId !== null && row.keyAccounts > s.kamMaxAccounts;
  return [...rows.values()].sort((a, b) => b.keyAccounts - a.keyAccounts || a.manager.localeCompare(b.manager));
}

/** Which levels of each key account we know people at, and who has gone quiet. */
export function relationshipBreadth(db: Db, accounts: KeyAccount[], s: AnalyticsSettings, asOf: string): BreadthRow[] {
  const staleBefore = addDays(asOf, -s.staleContactDays);
  const byClient = new Map<number, BreadthRow>(
    accounts.map((a) => [a.id, { id: a.id, name: a.name, levels: Object.fromEntries(CONTACT_LEVELS.map((l) => [l, 0])) as Record<ContactLevel, number>, missingLevels: [], contacts: 0, singleThreaded: false, staleContacts: [] }]),
  );
  for (const c of contactsWithLastTouch(db, accounts.map((a) => a.id))) {
    const row = byClient.get(c.clientId)!;
    row.contacts++;
    if (c.level in row.levels) row.levels[c.level as ContactLevel]++;
    if (c.lastContact === null || c.lastContact < staleBefore) row.staleContacts.push({ id: c.id, name: c.name, lastContact: c.lastContact });
  }
  for (const row of byClient.values()) {
    row.missingLevels = CONTACT_LEVELS.filter((l) => row.levels[l] === 0);
    row.singleThreaded = row.contacts <= 1;
  }
  return [...byClient.values()];
}

/** Clients listed by the gap between their estimated purchases and what they buy from us. */
export const WALLET_LIMIT = 500;

export function shareOfWallet(store: PurchaseStore, r: ScopeRanking): WalletRow[] {
  const rows: WalletRow[] = [];
  for (let c = 0; c < store.clientCount; c++) {
    const potential = store.cPotential[c];
    if (!r.inScope[c] || !(potential > 0)) continue;
    const revenue = r.company.revenue[c];
    rows.push({ id: store.cId[c], name: store.cName[c], revenue, potential, walletShare: revenue / potential, gap: potential - revenue });
  }
  return rows.sort((a, b) => b.gap - a.gap || a.id - b.id).slice(0, WALLET_LIMIT);
}
