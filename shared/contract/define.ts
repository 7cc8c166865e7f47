import { z } from 'zod';
import { id } from '../kernel/schema-parts';

export type ChannelKind = 'command' | 'query';

/**
 * What a screen shows or a write changes, by name ('clients', 'purchases'…).
 * A query lists what it reads, a command what it invalidates; the renderer
 * reloads exactly the queries whose tags a write touched.
 */
export type Tag = string;

/** One contract entry: the input is checked at runtime, the output type only at compile time. */
export interface ChannelDef<I extends z.ZodType, O, K extends ChannelKind = ChannelKind> {
  input: I;
  /**
   * A command writes: main runs it in one write transaction whose commit is
   * checked, so a call that answers success is on disk. Its handler must be
   * synchronous (a transaction cannot span an await).
   */
  kind: K;
  reads: readonly Tag[];
  invalidates: readonly Tag[];
  /** For a query that starts a job: what the job changes once it is done (main announces it then). */
  jobInvalidates?: readonly Tag[];
  /** True when success changes data other screens show (derived from `invalidates`). */
  refreshes: boolean;
  /** Phantom: carries the output type; never set. */
  output?: O;
}

/** A call that changes the user's data; `invalidates` names what other screens must reload ([] for a saved layout). */
export const command =
  <O>(invalidates: readonly Tag[]) =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O, 'command'> => ({ input, kind: 'command', reads: [], invalidates, refreshes: invalidates.length > 0 });

/** A call that reads, starts a job, or talks to the system (a dialog, an opened link); it writes nothing itself. */
export const query =
  <O>(reads: readonly Tag[] = [], opts: { jobInvalidates?: readonly Tag[] } = {}) =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O, 'query'> => ({ input, kind: 'query', reads, invalidates: [], refreshes: false, ...opts });

// Inputs many channels share.
export const byId = z.strictObject({ id });
export const ofClient = z.strictObject({ clientId: id, includeArchived: z.boolean().default(false) });
export const listAll = z.strictObject({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false });
export const empty = z.strictObject({}).strict().default({});
export const jobId = z.strictObject({ jobId: z.uuid() });

type Done<I extends z.ZodType> = ChannelDef<I, { id: number }, 'command'>;

/** create/update/archive/restore: the writes every record type offers, all invalidating `tags`. */
export function writes<N extends string, C extends z.ZodType, U extends z.ZodType>(name: N, create: C, update: U, tags: readonly Tag[]) {
  const done = command<{ id: number }>(tags);
  return {
    [`${name}.create`]: done(create),
    [`${name}.update`]: done(update),
    [`${name}.archive`]: done(byId),
    [`${name}.restore`]: done(byId),
  } as { [K in `${N}.create`]: Done<C> } & { [K in `${N}.update`]: Done<U> } & { [K in `${N}.archive` | `${N}.restore`]: Done<typeof byId> };
}

/** list plus the writes; R is the row type the list returns, `tags` what the list reads and the writes change. */
export const records =
  <R>() =>
  <N extends string, L extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(name: N, list: L, create: C, update: U, tags: readonly Tag[]) => ({
    ...({ [`${name}.list`]: query<R[]>(tags)(list) } as { [K in `${N}.list`]: ChannelDef<L, R[], 'query'> }),
    ...writes(name, create, update, tags),
  });
