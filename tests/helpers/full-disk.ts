/**
 * What one feature gives the shared full-disk test (tests/durability/full-disk.test.ts):
 * the records its write channels work on, a valid input for every one of them,
 * and the tables whose contents must not change when a write is refused.
 */
export type RouterCall = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: any; error?: any }>;

export interface FullDiskFeature<Ids = any> {
  /** The feature's own tables (the base tables are already compared). */
  tables: string[];
  seed(call: RouterCall): Promise<Ids>;
  /** One input per write channel of the feature: refused whole, or, run again, still valid. */
  inputs(ids: Ids): Record<string, () => unknown>;
}

/** Calls a channel and throws with its error when it fails: seeding must not fail silently. */
export function okCaller(call: RouterCall) {
  return async (channel: string, input: unknown): Promise<any> => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
}
