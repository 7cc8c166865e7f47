import type { z } from 'zod';

export type ChannelKind = 'command' | 'query';

/** One contract entry: the input is checked at runtime, the output type only at compile time. */
export interface ChannelDef<I extends z.ZodType, O, K extends ChannelKind = ChannelKind> {
  input: I;
  /**
   * A command writes: main runs it in one write transaction whose commit is
   * checked, so a call that answers success is on disk. Its handler must be
   * synchronous (a transaction cannot span an await).
   */
  kind: K;
  /** True when success changes data other screens show, so they reload. */
  refreshes: boolean;
  /** Phantom: carries the output type; never set. */
  output?: O;
}

/** A call that changes the user's data; `refreshes: false` for writes no other screen shows (a saved layout). */
export const command =
  <O>(refreshes = true) =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O, 'command'> => ({ input, kind: 'command', refreshes });

/** A call that reads, starts a job, or talks to the system (a dialog, an opened link); it writes nothing itself. */
export const query =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O, 'query'> => ({ input, kind: 'query', refreshes: false });
