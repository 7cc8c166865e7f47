import type { z } from 'zod';

/** One contract entry: the input is checked at runtime, the output type only at compile time. */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** True when success changes data other screens show, so they reload. */
  refreshes: boolean;
  /** Phantom: carries the output type; never set. */
  output?: O;
}

/** A call that changes the user's data. */
export const command =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input, refreshes: true });

/** A call that reads, or changes nothing another screen shows (a saved layout, an opened link). */
export const query =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input, refreshes: false });
