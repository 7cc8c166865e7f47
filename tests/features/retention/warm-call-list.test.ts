import { describe, expect, it, vi } from 'vitest';
import * as views from '../../../electron/features/retention/views';
import { createHandlers } from '../../../electron/app';
import { setHostQueries, type QueryHandler } from '../../../electron/features/analytics';
import { HOST_OPS } from '../../../electron/features/analytics/ops';
import { generateDemo } from '../../../electron/features/settings';
import { WARM_QUERIES } from '../../../electron/offload';
import { ALL_CLIENTS, callListRows } from '../../../shared/features/retention/call-list';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

// Counts the call list's rows being gathered: the work the warm-up does before the window asks.
vi.mock('../../../electron/features/retention/views', async (original) => {
  const actual = await original<typeof views>();
  return { ...actual, dormancyRows: vi.fn(actual.dormancyRows) };
});
const gathered = vi.mocked(views.dormancyRows);

describe("Win-back's first call list", () => {
  it('is gathered by the warm-up at start, so the window finds it kept for the very input Win-back first sends', async () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 200, purchases: 3000, seed: 4, asOf: '2026-06-30' });
    // As in the host worker (electron/jobs/worker.ts): the features' handlers answer its queries.
    const handlers = createHandlers({ version: 'test' }) as unknown as Record<string, QueryHandler>;
    setHostQueries((channel) => handlers[channel]);
    gathered.mockClear();
    await HOST_OPS.prepare(db, WARM_QUERIES);
    expect(gathered).toHaveBeenCalledTimes(1);

    // What WinbackPage sends first: every client, no campaign.
    const { call } = routerCalls(db);
    const list = await call('retention.callList', { ...ALL_CLIENTS, campaignId: null });
    expect(gathered).toHaveBeenCalledTimes(1);
    expect(callListRows(list).length).toBeGreaterThan(0);
    // Another segment is gathered when asked.
    await call('retention.callList', { ...ALL_CLIENTS, abc: 'A', campaignId: null });
    expect(gathered).toHaveBeenCalledTimes(2);
  });
});
