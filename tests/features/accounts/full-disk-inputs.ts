/**
 * What the accounts write channels added by the client page and the duplicates
 * screen need on a full disk (the record channels are in
 * tests/durability/full-disk.test.ts itself): shared by this feature's test
 * and the full-disk test.
 */
import { okCaller, type FullDiskFeature, type RouterCall } from '../../helpers/full-disk';

/** Merges tried per pass, at most: one duplicate each, so a merge that went through leaves the next one valid. */
const DUPLICATES = 4;

export async function accountsSeed(call: RouterCall) {
  const ok = okCaller(call);
  const big = (n: number) => 'é'.repeat(n);
  const keep = (await ok('clients.create', { name: 'Merge Keep Kft.' })).id as number;
  const duplicates: number[] = [];
  for (let i = 0; i < DUPLICATES; i++) {
    // Notes the kept client takes over: a merge that is not refused grows the file.
    const dup = (await ok('clients.create', { name: `Merge Keep ${i} Kft.`, notes: big(3000) })).id as number;
    await ok('purchases.create', { clientId: dup, date: '2026-04-02', quantity: 1, amount: 5 });
    duplicates.push(dup);
  }
  const task = (await ok('tasks.create', { clientId: keep, title: 'Tick me', dueDate: '2026-04-10' })).id as number;
  return { keep, duplicates, task };
}

/** Each either refused whole or, run again, still valid: every merge call takes the next duplicate not yet merged. */
export function accountsInputs(ids: Awaited<ReturnType<typeof accountsSeed>>): Record<string, () => unknown> {
  let next = 0;
  let done = false;
  return {
    'clients.merge': () => ({ keepId: ids.keep, mergeId: ids.duplicates[Math.min(next++, ids.duplicates.length - 1)] }),
    // Ticking done and opening again, in turn: each is a real change of the row.
    'tasks.setDone': () => ({ id: ids.task, done: (done = !done) }),
  };
}

export const accountsFullDisk: FullDiskFeature<Awaited<ReturnType<typeof accountsSeed>>> = {
  tables: [],
  seed: accountsSeed,
  inputs: accountsInputs,
};
