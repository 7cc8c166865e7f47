import { describe, expect, it } from 'vitest';
import { packReport, unpackReport } from '../../../shared/features/analytics/packing';
import { packStrings, unpackStrings } from '../../../shared/kernel/packed-table';
import { analyticsReport } from '../../../electron/features/analytics/report';
import { generateDemo } from '../../../electron/features/settings';
import { AS_OF, emptyDatabase } from '../../helpers/db';

describe('the report packed for IPC', () => {
  it('gives every name back exactly, whatever it holds', () => {
    const names = ['', 'Orion Supply Kft.', 'a\u0000b', '\u{1F600} emoji', 'ไทย สวัสดี', 'Ёлка', '', 'x'.repeat(10_000)];
    expect(unpackStrings(packStrings(names))).toEqual(names);
    expect(unpackStrings(packStrings([]))).toEqual([]);
  });

  it('unpacks to the report it was packed from, moves and shares included, as typed arrays a clone copies whole', () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 300, purchases: 6000, seed: 5, asOf: AS_OF });
    const report = analyticsReport(db, { from: '2025-07-01', to: AS_OF, scope: { kind: 'company' } });
    expect(report.abc.moves.length).toBeGreaterThan(0);
    const packed = packReport(report);
    expect(packed.rows.revenue).toBeInstanceOf(Float64Array);
    expect(packed.rows.id).toBeInstanceOf(Int32Array);
    expect(packed.abc.moves.to).toBeInstanceOf(Int8Array);
    expect(unpackReport(structuredClone(packed))).toEqual(report);
  });
});
